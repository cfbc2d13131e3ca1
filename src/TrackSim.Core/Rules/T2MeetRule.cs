using System.Globalization;
using TrackSim.Core.Domain;
using TrackSim.Core.Metrics;
using TrackSim.Core.Model;
using TrackSim.Core.Parameters;

namespace TrackSim.Core.Rules;

/// <summary>
/// T2-MEET: Track II meetings (Montville 1991's problem-solving workshops; Kelman 1972).
/// <para>
/// A running initiative whose meeting falls due in the step meets with probability
/// r + (1 − r)·exp(−κ·T)·(1 − ψ·[dialogue suspended]), where r is its resilience, T the highest
/// tension among its states, κ = <c>track2.tension_sensitivity</c>, ψ = <c>track2.suspension_penalty</c>;
/// r is the scenario's <c>resilience</c> raised by the funders taking part, who also bring the next
/// meeting forward (T2-FUNDING).
/// In a meeting: (contact) cross-side interpersonal trust t ← t + γ·ℓ_p·ℓ_q·(1 − t), γ = <c>track2.contact_gain</c>,
/// ℓ the weight of a participant's part by the working language (T2-LANGUAGE; 1 for those who speak it);
/// (convergence) on every topic each participant p moves toward the others within the bound
/// β·(1 + t_pq) (β = <c>track2.position_bound</c>), weighted by trust:
/// y_p = x_p + μ·Σ ℓ_q t_pq (x_q − x_p) / Σ ℓ_q t_pq, μ = <c>track2.convergence</c> (Hegselmann and Krause 2002);
/// on core topics the participant is anchored to the own government's position g_p with the
/// stubbornness λ_p that T2-COOPT sets: x_p ← λ_p·g_p + (1 − λ_p)·y_p; on peripheral topics x_p ← y_p. Repeated meetings
/// settle where anchor and convergence balance: with the defaults, sides 0.8 apart on a core
/// topic come within the agreement distance only for alignments up to about 0.35. All participants read the positions before the meeting. A topic is agreed
/// when the sides' mean positions all lie within <c>track2.agreement_distance</c>; every agreed
/// topic yields a joint recommendation at every meeting while it stays agreed (T2-TRANSFER, right after the meeting);
/// agreement needs participants of at least two sides. Whether the initiative runs is judged on
/// the day the meeting is due, and so is who attends: the participants whose group takes part on
/// that day (its <c>from</c> and <c>until</c> dates) and whose state allows contacts with the
/// other side (ST-GOVERNMENT). The meeting goes on without the others, who neither gain trust nor
/// move nor pull; when their absence leaves participants of fewer than two states, it is not held
/// (logged, and no chance is drawn). Between meetings
/// cross-side trust drifts back toward <c>track2.initial_trust</c> at <c>track2.trust_decay</c> per year.
/// </para>
/// </summary>
internal sealed class T2MeetRule() : InitiativeRule(
    Id,
    Switch,
    Declared,
    Recorded,
    "Kelman, H. C. (1972). The problem-solving workshop in conflict resolution; Hegselmann, R., and Krause, U. (2002). Opinion dynamics and bounded confidence. JASSS 5(3).")
{
    public const string Id = "T2-MEET";

    public static readonly Mechanism Switch = new("track2_meetings", Id, "meetings of Track II initiatives (contact, convergence, recommendations)");

    public static readonly ParameterDefinition TensionSensitivity = new("track2", "tension_sensitivity", 3.0, 0, 20, "1", "How fast the chance of a meeting falls with tension.");
    public static readonly ParameterDefinition SuspensionPenalty = new("track2", "suspension_penalty", 0.6, 0, 1, "1", "Drop in the chance of a meeting while official dialogue is suspended.");
    public static readonly ParameterDefinition InitialTrust = new("track2", "initial_trust", 0.2, 0, 1, "trust", "Cross-side interpersonal trust among participants before their first meeting.");
    public static readonly ParameterDefinition ContactGain = new("track2", "contact_gain", 0.15, 0, 1, "trust per meeting", "Share of the gap to 1 in cross-side interpersonal trust closed by one meeting.");
    public static readonly ParameterDefinition TrustDecay = new("track2", "trust_decay", 0.1, 0, 5, "1/year", "Drift of interpersonal trust back toward its initial level between meetings.");
    public static readonly ParameterDefinition Convergence = new("track2", "convergence", 0.3, 0, 0.5, "1", "Share of the position gap closed per meeting within the bound.");
    public static readonly ParameterDefinition PositionBound = new("track2", "position_bound", 0.5, 0, 1, "position", "Position gap across which a participant still listens to another; interpersonal trust t widens it to bound x (1 + t) and weights the pull.");
    public static readonly ParameterDefinition AgreementDistance = new("track2", "agreement_distance", 0.1, 0, 1, "position", "Gap between the sides' mean positions below which a topic yields a joint recommendation.");

    private static readonly ParameterDefinition[] Declared = [TensionSensitivity, SuspensionPenalty, InitialTrust, ContactGain, TrustDecay, Convergence, PositionBound, AgreementDistance];
    private static readonly MetricReader[] Recorded =
    [
        new(MetricCatalog.Track2Trust, (world, i) => world.Initiatives[i].CrossSideTrust(world.Date)),
        new(MetricCatalog.Track2Agreement, (world, i) => AgreementShare(world.Initiatives[i])),
        new(MetricCatalog.MeetingsHeld, (world, i) => world.Initiatives[i].MeetingsHeld),
    ];

    /// <summary>Cross-side trust starts at <c>track2.initial_trust</c>.</summary>
    public override void Initialize(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        double initial = world.P[InitialTrust];
        foreach (var initiative in world.Initiatives)
        {
            for (int a = 0; a < initiative.CrossSide.Length; a++)
            {
                foreach (int b in initiative.CrossSide[a])
                {
                    initiative.Trust[a, b] = initial;
                }
            }
        }
    }

    public override void Apply(World world, InitiativeRuntime initiative)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(initiative);
        var p = world.P;
        initiative.MetThisStep = false;
        initiative.DueThisStep = null;
        // Before the first meeting cross-side trust is still at its initial level, where
        // the drift back changes nothing, so it is skipped.
        if (initiative.MeetingsHeld > 0)
        {
            DecayTrust(initiative, world.Dt * p[TrustDecay], p[InitialTrust]);
        }

        if (initiative.NextMeeting > world.StepEnd)
        {
            return;
        }

        // At most one meeting per step; the schedule moves past the step whatever happens.
        var due = initiative.NextMeeting;
        initiative.DueThisStep = due;
        int k = 1;
        while (initiative.NextMeeting <= world.StepEnd)
        {
            initiative.NextMeeting = initiative.Spec.MeetingInterval.AddTo(due, k++);
        }

        if (initiative.MeetingPace > 1)
        {
            initiative.NextMeeting = Funded(due, initiative.NextMeeting, initiative.MeetingPace, world.StepEnd);
        }

        if (!world.On(Switch) || !initiative.IsRunning(due) || initiative.Participants.Length == 0)
        {
            return;
        }

        // Participants out of their group's dates, and nationals of a state that bans contacts,
        // stay away; the meeting goes on without them unless that leaves fewer than two sides.
        int sides = MarkPresent(world, initiative, due);
        if (sides < 2 && sides < initiative.Sides)
        {
            world.Record(Id, initiative.Spec.Id, $"meeting not held: {Absence(world, initiative, due)}");
            return;
        }

        double chance = MeetingChance(world, initiative);
        if (world.MeetingStream.NextDouble() >= chance)
        {
            world.Record(Id, initiative.Spec.Id, $"meeting not held (chance {chance.ToString("0.##", CultureInfo.InvariantCulture)})");
            return;
        }

        Meet(world, initiative);
    }

    /// <summary>The chance that a due meeting is held.</summary>
    public static double MeetingChance(World world, InitiativeRuntime initiative)
    {
        var p = world.P;
        double tension = 0;
        bool suspended = false;
        foreach (var dyad in initiative.Dyads)
        {
            tension = Math.Max(tension, dyad.Tension);
            suspended |= !dyad.DialogueOpen;
        }

        double r = initiative.Resilience;
        return r + ((1 - r) * Math.Exp(-p[TensionSensitivity] * tension) * (suspended ? 1 - p[SuspensionPenalty] : 1));
    }

    /// <summary>
    /// The next meeting of a funded initiative (T2-FUNDING): the wait from <paramref name="due"/>
    /// to <paramref name="scheduled"/> divided by <paramref name="pace"/>, in whole days (at
    /// least one), repeated until the date is past <paramref name="stepEnd"/>.
    /// </summary>
    public static DateOnly Funded(DateOnly due, DateOnly scheduled, double pace, DateOnly stepEnd)
    {
        int wait = Math.Max(1, (int)Math.Round((scheduled.DayNumber - due.DayNumber) / pace));
        var next = due.AddDays(wait);
        while (next <= stepEnd)
        {
            next = next.AddDays(wait);
        }

        return next;
    }

    /// <summary>
    /// Marks the participants who can attend a meeting on <paramref name="date"/>: members of their
    /// group on that day whose state allows contacts, and members of a third party's group (no
    /// state's ban keeps them away). Returns the number of states with a participant present;
    /// third parties are no side and do not count.
    /// </summary>
    public static int MarkPresent(World world, InitiativeRuntime initiative, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(initiative);
        var participants = initiative.Participants;
        for (int q = 0; q < participants.Length; q++)
        {
            if (participants[q].OfThirdParty)
            {
                initiative.Present[q] = participants[q].IsMember(date);
            }
        }

        int sides = 0;
        foreach (int state in initiative.States)
        {
            bool side = false;
            for (int q = 0; q < participants.Length; q++)
            {
                if (participants[q].State == state)
                {
                    initiative.Present[q] = participants[q].IsMember(date) && !world.States[state].ContactsBanned;
                    side |= initiative.Present[q];
                }
            }

            sides += side ? 1 : 0;
        }

        return sides;
    }

    /// <summary>Why too few sides can attend, for the log: the states that ban contacts and those whose groups are out of their dates.</summary>
    private static string Absence(World world, InitiativeRuntime initiative, DateOnly date)
    {
        var banned = new List<string>();
        var away = new List<string>();
        foreach (int state in initiative.States)
        {
            var members = initiative.Participants.Where(p => p.State == state).ToArray();
            if (members.Length == 0)
            {
                continue;
            }

            if (world.States[state].ContactsBanned)
            {
                banned.Add(world.States[state].Id);
            }
            else if (!members.Any(p => p.IsMember(date)))
            {
                away.Add(world.States[state].Id);
            }
        }

        var reasons = new List<string>();
        if (banned.Count > 0)
        {
            reasons.Add($"contacts banned by {string.Join(", ", banned)}");
        }

        if (away.Count > 0)
        {
            reasons.Add($"no participants of {string.Join(", ", away)} taking part on {date:yyyy-MM-dd}");
        }

        return $"participants of fewer than two states can attend ({string.Join("; ", reasons)})";
    }

    /// <summary>
    /// Holds a meeting of the participants marked present (<see cref="MarkPresent"/>; everyone
    /// until a meeting falls due): contact, convergence with co-optation, and agreement (the
    /// recommendations go to T2-TRANSFER). Absent participants neither move nor pull, and gain
    /// no trust.
    /// </summary>
    public static void Meet(World world, InitiativeRuntime initiative)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(initiative);
        var p = world.P;
        var participants = initiative.Participants;
        int n = participants.Length;
        initiative.MeetingsHeld++;
        initiative.MetThisStep = true;
        // The hosts' factors (T2-THIRD-HOST) are 1 for an initiative without hosts.
        double contactGain = Math.Min(1, p[ContactGain] * initiative.ContactFactor);
        double bound = p[PositionBound];
        double convergence = Math.Min(1, p[Convergence] * initiative.TextFactor);
        foreach (var dyad in initiative.Dyads)
        {
            if (!dyad.DialogueOpen)
            {
                dyad.MeetingsWhileSuspended++;
            }
        }

        var present = initiative.Present;
        for (int a = 0; a < n; a++)
        {
            if (!present[a])
            {
                continue;
            }

            foreach (int b in initiative.CrossSide[a])
            {
                if (present[b])
                {
                    // Those who do not speak the working language gain less (T2-LANGUAGE).
                    initiative.Trust[a, b] += contactGain * participants[a].Participation * participants[b].Participation * (1 - initiative.Trust[a, b]);
                }
            }
        }

        var topics = initiative.Spec.Topics;
        bool anchor = initiative.Anchored;
        for (int t = 0; t < topics.Length; t++)
        {
            for (int a = 0; a < n; a++)
            {
                double x = participants[a].Positions[t];
                if (!present[a])
                {
                    participants[a].NextPositions[t] = x;
                    continue;
                }

                double weight = 0;
                double pull = 0;
                for (int b = 0; b < n; b++)
                {
                    double trust = initiative.Trust[a, b];
                    double gap = participants[b].Positions[t] - x;
                    if (b != a && present[b] && Math.Abs(gap) < bound * (1 + trust))
                    {
                        // Those who do not speak the working language pull less on the text (T2-LANGUAGE).
                        double w = trust * participants[b].Participation;
                        weight += w;
                        pull += w * gap;
                    }
                }

                double y = weight > 0 ? x + (convergence * pull / weight) : x;
                if (topics[t].Core && anchor)
                {
                    double stubbornness = participants[a].Stubbornness;
                    double government = participants[a].GovernmentPositions[t];
                    y = (stubbornness * government) + ((1 - stubbornness) * y);
                }

                participants[a].NextPositions[t] = Math.Clamp(y, 0, 1);
            }
        }

        foreach (var participant in participants)
        {
            Array.Copy(participant.NextPositions, participant.Positions, topics.Length);
        }

        int agreed = 0;
        for (int t = 0; t < topics.Length; t++)
        {
            initiative.Agreed[t] = SidesAgree(initiative, t, p[AgreementDistance]);
            if (initiative.Agreed[t])
            {
                agreed++;
            }
        }

        world.Record(Id, initiative.Spec.Id, $"meeting held; agreement on {agreed} of {topics.Length} topics");
    }

    /// <summary>Share of topics on which the sides agree after the last meeting.</summary>
    /// <param name="initiative">The initiative.</param>
    /// <remarks>Read at every recorded step, so it counts in a loop rather than through LINQ, which would allocate.</remarks>
    public static double AgreementShare(InitiativeRuntime initiative)
    {
        ArgumentNullException.ThrowIfNull(initiative);
        var agreed = initiative.Agreed;
        int count = 0;
        foreach (bool a in agreed)
        {
            count += a ? 1 : 0;
        }

        return agreed.Length == 0 ? 0 : count / (double)agreed.Length;
    }

    private static bool SidesAgree(InitiativeRuntime initiative, int topic, double distance)
    {
        double low = double.MaxValue;
        double high = double.MinValue;
        int sides = 0;
        foreach (int state in initiative.States)
        {
            double sum = 0;
            int count = 0;
            var participants = initiative.Participants;
            for (int q = 0; q < participants.Length; q++)
            {
                if (participants[q].State == state && initiative.Present[q])
                {
                    sum += participants[q].Positions[topic];
                    count++;
                }
            }

            if (count > 0)
            {
                sides++;
                low = Math.Min(low, sum / count);
                high = Math.Max(high, sum / count);
            }
        }

        // Agreement is joint: it needs participants of at least two sides.
        return sides >= 2 && high - low < distance;
    }

    /// <summary>Moves cross-side trust back toward its initial level; runs at every step, so it walks the cross-side pairs only.</summary>
    private static void DecayTrust(InitiativeRuntime initiative, double rate, double initial)
    {
        var crossSide = initiative.CrossSide;
        var trust = initiative.Trust;
        double factor = Math.Min(1, rate);
        for (int a = 0; a < crossSide.Length; a++)
        {
            foreach (int b in crossSide[a])
            {
                trust[a, b] += factor * (initial - trust[a, b]);
            }
        }
    }
}
