using System.Globalization;
using TrackSim.Core.Domain;
using TrackSim.Core.Model;
using TrackSim.Core.Parameters;

namespace TrackSim.Core.Rules;

/// <summary>
/// EVENT: applies the scenario events of a step.
/// <para>
/// In the step that contains its date, a hostile event of severity s raises the posture of every
/// target j toward the initiator i (the first actor) at once by s·k_j (k = <c>posture.event_shock</c>
/// of the state that reacts; only while ST-POSTURE is on:
/// mobilisation, so tension answers within the step) and the initiator's toward the targets by
/// s·k_i/2 (fear of retaliation); with a single actor every other state is a target. A multi-step
/// hostile event then holds the grievance of each pair at least at s·g_j and s·g_i/2 (g =
/// <c>posture.event_grievance</c> of the state that holds it) in every later step it covers, which
/// ST-POSTURE adds to the growth of posture. Shock and grievance are parameters of a state: how
/// hard its government answers a hostile act, like Richardson's coefficients. Official trust of the actors' dyads falls by <c>trust.crisis_loss</c>·s of
/// its level, and the event is noted against each target for the governments' answer (TI-TALKS)
/// and for the agreements in force (TI-AGREE). Cooperative events raise official trust by
/// <c>trust.cooperation_gain</c>·s of the gap to 1; a <c>cbm</c> event adds s to the CBM stock
/// unless its effects set an amount. The media effect on the actors' citizens is
/// −<c>media.effect</c>·b·s for hostile (b = <c>media.negativity_bias</c> of the public's state) and
/// +<c>media.effect</c>·s for cooperative events (Soroka 2006 on the negativity bias), on the
/// actors' publics (for a hostile event with a single actor, on every other state's public); the
/// shock fades with <c>media.half_life</c> (see the citizen layer). A cooperative or neutral event
/// that starts or stops a secret initiative by id is news of the secret channel and reaches no
/// public; an event's <c>expose</c> notes the secret channels it reveals, which T2-SECRECY exposes
/// later in the step. Explicit effects apply in the first step;
/// links an event creates are added by FN-CREATE later in the step. A hawkishness or contacts
/// effect holds until the state's next government period begins (ST-GOVERNMENT); an effect on
/// participants sets the alignment or access of an initiative's groups (all, or those of one
/// state or role), and an upgrade to Track 1.5 raises every participant's access to at least the
/// level given. An event with
/// <c>decided: true</c> scripts the governments' decisions in its effects (suspend, resume or keep
/// the dialogue, reach agreements), logged under TI-TALKS and TI-AGREE as scripted. Events have no
/// switch: a variant removes them one by one. Spoiler attacks (TI-SPOILER) and agreements' signings
/// (TI-AGREE) enter as injected events. Third parties named among the actors are not states:
/// the state logic runs on the states named, and an event that names third parties and fewer
/// than two states touches no relation between states (no posture, grievance, official trust or
/// media; its explicit effects still apply); T2-THIRD-TRUST moves the sides' trust in them.
/// </para>
/// </summary>
internal sealed class EventRule() : Rule(
    Id,
    null,
    Declared,
    [],
    "Richardson, L. F. (1960). Arms and Insecurity (grievances); Soroka, S. N. (2006). Good news and bad news. Journal of Politics 68(2) (the negativity bias).")
{
    public const string Id = "EVENT";

    public static readonly ParameterDefinition EventShock = new("posture", "event_shock", 0.5, 0, 10, "posture per severity", "Posture a state adds at once toward the initiator of a hostile event of severity 1 against it (half as much the other way).") { Scope = ParameterScope.State };
    public static readonly ParameterDefinition EventGrievance = new("posture", "event_grievance", 1.0, 0, 10, "posture/year per severity", "Grievance a multi-step hostile event of severity 1 holds in every later step it covers.") { Scope = ParameterScope.State };
    public static readonly ParameterDefinition CrisisLoss = new("trust", "crisis_loss", 0.3, 0, 1, "trust per severity", "Share of official trust lost to a hostile event of severity 1.");
    public static readonly ParameterDefinition CooperationGain = new("trust", "cooperation_gain", 0.1, 0, 1, "trust per severity", "Share of the gap to 1 closed by a cooperative event of severity 1.");

    private static readonly ParameterDefinition[] Declared = [EventShock, EventGrievance, CrisisLoss, CooperationGain];

    /// <summary>Applies the events of the step: those dated in it, later steps of span events, and injected ones.</summary>
    public override void Apply(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        foreach (var dyad in world.Dyads)
        {
            Array.Clear(dyad.HostileAgainst);
            dyad.TalksScripted = false;
        }

        var schedule = world.Events;
        if (schedule.Starting.TryGetValue(world.Step, out var starting))
        {
            foreach (var e in starting)
            {
                Start(world, e);
            }
        }

        foreach (var (first, last, e) in schedule.Spans)
        {
            if (world.Step > first && world.Step <= last)
            {
                Continue(world, e);
            }
        }

        foreach (var e in schedule.Injected)
        {
            Start(world, e);
        }

        schedule.Injected.Clear();
    }

    /// <summary>Applies the first step of an event.</summary>
    public static void Start(World world, EventSpec e)
    {
        int[] actors = ActorIndices(world, e);
        string? secret = e.Valence == Valence.Hostile ? null : SecretChannelOf(world, e);
        world.Record(Id, e.Id, secret is null ? $"{e.Name} ({Kind(e)}, severity {Num(e.Severity)})" : $"{e.Name} ({Kind(e)}, severity {Num(e.Severity)}; kept from the publics: {secret} is secret)");
        var p = world.P;

        // An event between third parties and fewer than two states (a scandal of the facilitator,
        // a state's quarrel with it) touches no relation between states; T2-THIRD-TRUST moves the
        // sides' trust in the third parties.
        switch (actors.Length < Math.Min(2, e.Actors.Length) ? Valence.Neutral : e.Valence)
        {
            case Valence.Hostile:
                if (world.On(StPostureRule.Switch))
                {
                    Mobilise(world, actors, e.Severity);
                }

                foreach (var dyad in DyadsAmong(world, actors))
                {
                    if (world.On(StTrustRule.Switch))
                    {
                        dyad.OfficialTrust -= p[CrisisLoss] * e.Severity * dyad.OfficialTrust;
                    }
                }

                foreach (var (target, initiator, weight) in GrievancePairs(world, actors))
                {
                    if (weight == 1.0 && world.DyadOf(target, initiator) is { } attacked)
                    {
                        int side = attacked.SideOf(target);
                        attacked.HostileAgainst[side] = Math.Max(attacked.HostileAgainst[side], e.Severity);
                    }
                }

                AddMedia(world, e, actors);
                break;

            case Valence.Cooperative:
                foreach (var dyad in DyadsAmong(world, actors))
                {
                    if (world.On(StTrustRule.Switch))
                    {
                        dyad.OfficialTrust += p[CooperationGain] * e.Severity * (1 - dyad.OfficialTrust);
                    }

                    if (e.Kind == EventKind.Cbm && e.Effects.Cbm == 0)
                    {
                        dyad.CbmStock += e.Severity;
                    }
                }

                if (secret is null)
                {
                    AddMedia(world, e, actors);
                }

                break;

            default:
                break;
        }

        ApplyEffects(world, e, actors);
    }

    /// <summary>Applies a later step of a multi-step event: hostile grievance is held.</summary>
    public static void Continue(World world, EventSpec e)
    {
        if (e.Valence != Valence.Hostile)
        {
            return;
        }

        // Runs at every step a long event covers, so it walks the pairs of GrievancePairs in
        // the same order with loops rather than an iterator, which would allocate. Third parties
        // among the actors are no states and are passed over.
        int initiator = -1;
        foreach (string actor in e.Actors)
        {
            int i = world.StateIndex(actor);
            if (i < 0)
            {
                continue;
            }

            if (initiator < 0)
            {
                initiator = i;
                continue;
            }

            HoldGrievance(world, initiator, i, e.Severity);
        }

        if (initiator >= 0 && e.Actors.Length == 1)
        {
            for (int target = 0; target < world.States.Length; target++)
            {
                if (target != initiator)
                {
                    HoldGrievance(world, initiator, target, e.Severity);
                }
            }
        }
    }

    /// <summary>Keeps the grievances between an initiator and a target at least at their levels for an event of severity <paramref name="severity"/>.</summary>
    private static void HoldGrievance(World world, int initiator, int target, double severity)
    {
        var p = world.P;
        world.EventGrievance[target, initiator] = Math.Max(world.EventGrievance[target, initiator], severity * p.Of(EventGrievance, target));
        world.EventGrievance[initiator, target] = Math.Max(world.EventGrievance[initiator, target], severity * p.Of(EventGrievance, initiator) * 0.5);
    }

    private static void ApplyEffects(World world, EventSpec e, int[] actors)
    {
        var effects = e.Effects;
        foreach (var dyad in DyadsAmong(world, actors))
        {
            dyad.CbmStock += effects.Cbm;
            if (!e.Decided)
            {
                continue;
            }

            dyad.TalksScripted |= effects.KeepDialogue || effects.Dialogue is not null;
            if (effects.Dialogue == DialogueStatus.Suspended)
            {
                world.SuspendDialogue(dyad, TiTalksRule.Id, $"suspended by {e.Id} (scripted)");
            }
            else if (effects.Dialogue == DialogueStatus.Open)
            {
                world.ResumeDialogue(dyad, TiTalksRule.Id, $"resumed by {e.Id} (scripted)");
            }
        }

        foreach (var agreement in world.Agreements)
        {
            if (e.Decided && effects.Agreements.Contains(agreement.Spec.Id) && !agreement.InForce)
            {
                agreement.Sign();
                world.Record(TiAgreeRule.Id, agreement.Spec.Id, $"reached: {agreement.Spec.Name} (scripted by {e.Id})");

                // The signing's terms, as a reached agreement's signing event carries them; the
                // scripting event's own kind and severity give its shock.
                var terms = agreement.Spec.Terms;
                var dyad = agreement.Dyad;
                dyad.CbmStock += terms.Cbm;
                foreach (var link in terms.CreateLinks)
                {
                    world.LinkRequests.Add(new LinkRequest(dyad, link.Id, link.Sector, link.Strength, link.Threshold, link.ActiveFrom, OnlyIfSectorFree: false, $"created by {agreement.Spec.Id} ({dyad.Subject}, {link.Sector})"));
                }
            }
        }

        if (!effects.CreateLinks.IsEmpty && actors.Length >= 2 && world.Related(actors[0], actors[1]))
        {
            var dyad = world.DyadOf(actors[0], actors[1]);
            foreach (var link in effects.CreateLinks)
            {
                world.LinkRequests.Add(new LinkRequest(dyad, link.Id, link.Sector, link.Strength, link.Threshold, link.ActiveFrom, OnlyIfSectorFree: false, $"created by {e.Id} ({dyad.Subject}, {link.Sector})"));
            }
        }

        foreach (var dyad in world.Dyads)
        {
            foreach (var link in dyad.Links)
            {
                if (effects.SuspendLinks.Contains(link.Id) && !link.SuspendedByEvent)
                {
                    link.SuspendedByEvent = true;
                    world.Record(FnSuspendRule.Id, link.Id, $"suspended by {e.Id}");
                }
                else if (effects.ResumeLinks.Contains(link.Id) && link.SuspendedByEvent)
                {
                    link.SuspendedByEvent = false;
                    world.Record(FnSuspendRule.Id, link.Id, $"resumed by {e.Id}");
                }
            }
        }

        foreach (var (stateId, level) in effects.Hawkishness)
        {
            int i = world.StateIndex(stateId);
            world.States[i].Hawkishness = level;
            world.Record(Id, stateId, $"leadership hawkishness set to {Num(level)} by {e.Id}");
        }

        // An exposure is noted here and made by T2-SECRECY later in the step (the backlash, the
        // readiness withheld and the log); the first event of the step to expose a channel names it.
        foreach (var initiative in world.Initiatives)
        {
            if (initiative.Secret && initiative.ExposedBy is null && effects.Exposures.Contains(initiative.Spec.Id))
            {
                initiative.ExposedBy = e.Id;
            }
        }

        foreach (var agreement in world.Agreements)
        {
            if (agreement.Secret && agreement.ExposedBy is null && effects.Exposures.Contains(agreement.Spec.Id))
            {
                agreement.ExposedBy = e.Id;
            }
        }

        foreach (var (stateId, policy) in effects.Contacts)
        {
            var state = world.States[world.StateIndex(stateId)];
            state.ContactsBanned = policy == ContactPolicy.Banned;
            world.Record(Id, stateId, $"contacts with the other side {(state.ContactsBanned ? "banned" : "allowed")} by {e.Id}");
        }

        foreach (var initiative in world.Initiatives)
        {
            string id = initiative.Spec.Id;
            if (Names(effects.StopInitiatives, id) && initiative.Enabled)
            {
                initiative.Enabled = false;
                world.Record(Id, id, $"stopped by {e.Id}");
            }
            else if (Names(effects.StartInitiatives, id) && !initiative.Enabled)
            {
                initiative.Enabled = true;
                world.Record(Id, id, $"restarted by {e.Id}");
            }
        }

        foreach (var change in effects.Participants)
        {
            foreach (var initiative in world.Initiatives)
            {
                if (change.Initiative == initiative.Spec.Id || change.Initiative == EventEffects.AllInitiatives)
                {
                    ChangeParticipants(world, e, initiative, change);
                }
            }
        }

        foreach (var (initiativeId, access) in effects.UpgradeInitiatives)
        {
            foreach (var initiative in world.Initiatives)
            {
                if (initiativeId == initiative.Spec.Id || initiativeId == EventEffects.AllInitiatives)
                {
                    foreach (var participant in initiative.Participants)
                    {
                        participant.Access = Math.Max(participant.Access, access);
                    }

                    world.Record(Id, initiative.Spec.Id, $"upgraded to Track 1.5 by {e.Id}: officials join, every participant's access at least {Num(access)}");
                }
            }
        }
    }

    /// <summary>Sets the alignment or access of the initiative's participants that the change names (by state and role), and logs it.</summary>
    private static void ChangeParticipants(World world, EventSpec e, InitiativeRuntime initiative, ParticipantChange change)
    {
        int changed = 0;
        foreach (var participant in initiative.Participants)
        {
            if ((change.State is { } state && (participant.OfThirdParty || world.States[participant.State].Id != state)) || (change.Role is { } role && participant.Group.Role != role))
            {
                continue;
            }

            participant.Alignment = change.Alignment ?? participant.Alignment;
            participant.Access = change.Access ?? participant.Access;
            changed++;
        }

        if (changed == 0)
        {
            return;
        }

        string who = $"{changed} participant{(changed == 1 ? string.Empty : "s")}{(change.State is null ? string.Empty : $" of {change.State}")}{(change.Role is null ? string.Empty : $" ({change.Role.Replace('_', ' ')})")}";
        var values = new List<string>();
        if (change.Alignment is { } alignment)
        {
            values.Add($"alignment {Num(alignment)}");
        }

        if (change.Access is { } access)
        {
            values.Add($"access {Num(access)}");
        }

        world.Record(Id, initiative.Spec.Id, $"{who} set to {string.Join(" and ", values)} by {e.Id}");
    }

    /// <summary>
    /// The first secret initiative that the event starts or stops by id (not through <c>all</c>)
    /// and that is still secret for it: not exposed by this event or an earlier one of the step.
    /// Such an event is news of the secret channel itself, so no public hears of it; null when
    /// there is none.
    /// </summary>
    private static string? SecretChannelOf(World world, EventSpec e)
    {
        var effects = e.Effects;
        foreach (var initiative in world.Initiatives)
        {
            string id = initiative.Spec.Id;
            if (initiative.Secret && initiative.ExposedBy is null && !effects.Exposures.Contains(id)
                && (effects.StartInitiatives.Contains(id) || effects.StopInitiatives.Contains(id)))
            {
                return id;
            }
        }

        return null;
    }

    private static bool Names(IEnumerable<string> ids, string id) =>
        ids.Contains(id) || ids.Contains(EventEffects.AllInitiatives);

    /// <summary>
    /// Raises each target's posture toward the initiator by <paramref name="severity"/> times its
    /// event shock, and the initiator's toward the targets by half its own.
    /// </summary>
    private static void Mobilise(World world, int[] actors, double severity)
    {
        double max = world.P[StPostureRule.Max];
        foreach (var (from, toward, weight) in GrievancePairs(world, actors))
        {
            double level = severity * world.P.Of(EventShock, from);
            world.Posture[from, toward] = Math.Min(world.Posture[from, toward] + (level * weight), max);
        }
    }

    /// <summary>
    /// (actor with the grievance, actor it is directed at, weight) for a hostile event: between
    /// the initiator and each target it has relations with (an attack by a group the scenario
    /// relates to nobody at the table stirs no arms race).
    /// </summary>
    private static IEnumerable<(int From, int Toward, double Weight)> GrievancePairs(World world, int[] actors)
    {
        int initiator = actors[0];
        var targets = actors.Length > 1 ? actors.Skip(1) : Enumerable.Range(0, world.States.Length).Where(i => i != initiator);
        foreach (int target in targets.Where(t => world.Related(initiator, t)))
        {
            yield return (target, initiator, 1.0);
            yield return (initiator, target, 0.5);
        }
    }

    /// <summary>
    /// Adds the event's media shift to the trust the publics it reaches hold toward the actors it
    /// names, a hostile event's scaled by each public's negativity bias; CIT-MEDIA passes it on
    /// to the citizens while it is on. Trust is directed: an event among some actors moves each
    /// one's public toward the others only (a US-China incident leaves Chinese and American trust
    /// in India as it was).
    /// </summary>
    private static void AddMedia(World world, EventSpec e, int[] actors)
    {
        bool hostile = e.Valence == Valence.Hostile;
        if (actors.Length > 1)
        {
            foreach (int i in actors)
            {
                foreach (int j in actors)
                {
                    if (j != i)
                    {
                        world.MediaDelta[i, j] += MediaShift(world, e, i, hostile);
                    }
                }
            }

            return;
        }

        // One actor: a hostile act by it alone (a weapons test) alarms the other publics about
        // it, not its own; a cooperative one (a unilateral gesture) warms its own public toward
        // the actors it relates to.
        int actor = actors[0];
        for (int i = 0; i < world.States.Length; i++)
        {
            if (i == actor)
            {
                continue;
            }

            if (hostile)
            {
                world.MediaDelta[i, actor] += MediaShift(world, e, i, hostile);
            }
            else if (world.Related(actor, i))
            {
                world.MediaDelta[actor, i] += MediaShift(world, e, actor, hostile);
            }
        }
    }

    /// <summary>The media shift of an event on the public of state <paramref name="i"/>, as its Track II journalists frame it (T2-MEDIA).</summary>
    private static double MediaShift(World world, EventSpec e, int i, bool hostile)
    {
        var p = world.P;
        return (hostile
            ? -p[CitMediaRule.Effect] * p.Of(CitMediaRule.NegativityBias, i) * e.Severity
            : p[CitMediaRule.Effect] * e.Severity) * (hostile ? world.HostileFraming[i] : world.CooperativeFraming[i]);
    }

    /// <summary>The dyads among the actors; with one actor, the dyads of that actor.</summary>
    public static IEnumerable<DyadRuntime> DyadsAmong(World world, int[] actors)
    {
        foreach (var dyad in world.Dyads)
        {
            bool a = actors.Contains(dyad.A);
            bool b = actors.Contains(dyad.B);
            if ((a && b) || (actors.Length == 1 && (a || b)))
            {
                yield return dyad;
            }
        }
    }

    /// <summary>The indices of the states among the event's actors; third parties are no states and are left out.</summary>
    private static int[] ActorIndices(World world, EventSpec e) => [.. e.Actors.Select(world.StateIndex).Where(i => i >= 0)];

    private static string Kind(EventSpec e) => e.Kind.ToString();

    private static string Num(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
