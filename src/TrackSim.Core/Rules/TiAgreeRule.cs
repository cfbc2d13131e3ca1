using System.Globalization;
using TrackSim.Core.Domain;
using TrackSim.Core.Metrics;
using TrackSim.Core.Model;
using TrackSim.Core.Parameters;

namespace TrackSim.Core.Rules;

/// <summary>
/// TI-AGREE: negotiation toward the agreements on the table, their signing, erosion and collapse.
/// <para>
/// For an agreement a of kind k on topic t between governments i and j, not in force: its
/// readiness is ρ = min(R_i(t), R_j(t)), each government's readiness with its optimism raised by
/// the Track II texts it has received on t (TI-READINESS). The dialogue negotiates one agreement
/// at a time: of those within both governments' readiness (ρ ≥ θ_a), the furthest advanced (the
/// first in the scenario's order among equals); a ceasefire, which military channels can reach,
/// needs no dialogue and goes on beside it. When a is negotiated and ρ ≥ θ_a, progress grows
/// by Δt·(ρ − θ_a)/(1 − θ_a)/w_a; otherwise it fades with half-life
/// <c>agreements.progress_half_life</c>. Each Track II text on t received in the step (T2-TRANSFER)
/// adds <c>agreements.text_progress</c> (language already drafted). θ_a and w_a default by kind
/// (ceasefire and CBM 0.2 and 0.25 or 0.5 years; declaration 0.25 and 0.5; framework 0.25 and 1;
/// settlement 0.4 and 3). At progress 1 the agreement is reached: the signing enters the next
/// step as a cooperative event of the agreement's significance (official trust, the publics, its
/// CBMs and links; EVENT), and while in force it prevents a share r_a·S of the dyad's incidents
/// and adds r'_a·S to both postures' restraint, with S its strength. A reversible agreement's
/// strength falls by Δt·<c>agreements.erosion</c>·T·(1 − R̄) (T tension, R̄ the governments' mean
/// readiness) and by <c>agreements.shock</c>·s for a hostile event of severity s against either
/// party; below <c>agreements.collapse_level</c> it collapses, its terms end (the links it created
/// are suspended, logged under FN-SUSPEND, and resume if it is reached again) and it is back on the
/// table.
/// </para>
/// </summary>
internal sealed class TiAgreeRule() : Rule(
    Id,
    Switch,
    Declared,
    Recorded,
    "Pruitt, D. G. (2007). Readiness theory and the Northern Ireland conflict. American Behavioral Scientist 50(11); Zartman, I. W., and Berman, M. R. (1982). The Practical Negotiator. Yale University Press (negotiation as progress from formula to detail).")
{
    public const string Id = "TI-AGREE";

    public static readonly Mechanism Switch = new("agreements", Id, "negotiation, signing, erosion and collapse of official agreements");

    public static readonly ParameterDefinition ProgressHalfLife = new("agreements", "progress_half_life", 1.0, 0.05, 100, "years", "Half-life of negotiation progress while talks on an agreement are stalled.");
    public static readonly ParameterDefinition TextProgress = new("agreements", "text_progress", 0.1, 0, 1, "progress per text", "Progress toward an agreement from each agreed Track II text on its topic that reaches the governments.");
    public static readonly ParameterDefinition Erosion = new("agreements", "erosion", 0.5, 0, 10, "1/year", "Loss of an agreement's strength per year at tension 1 with governments that have no readiness.");
    public static readonly ParameterDefinition Shock = new("agreements", "shock", 0.5, 0, 5, "strength per severity", "Loss of an agreement's strength from a hostile event of severity 1 against either party.");
    public static readonly ParameterDefinition CollapseLevel = new("agreements", "collapse_level", 0.25, 0, 1, "strength", "Strength below which a reversible agreement collapses.");

    private static readonly ParameterDefinition[] Declared = [ProgressHalfLife, TextProgress, Erosion, Shock, CollapseLevel];
    private static readonly MetricReader[] Recorded = [new(MetricCatalog.AgreementsInForce, (world, d) => world.Dyads[d].AgreementsInForce)];

    public override void Apply(World world)
    {
        ArgumentNullException.ThrowIfNull(world);

        // The age of an agreement in force counts whether or not this rule negotiates (a scripted
        // agreement ages with the switch off, and the spoilers' momentum fades with it).
        foreach (var agreement in world.Agreements)
        {
            if (agreement.InForce)
            {
                agreement.YearsInForce += world.Dt;
            }
        }

        if (world.On(Switch))
        {
            // Each agreement's readiness once a step: the agenda and the progress both read it.
            foreach (var agreement in world.Agreements)
            {
                if (!agreement.InForce && agreement.OnTable(world.Date))
                {
                    agreement.Readiness = ReadinessFor(world, agreement);
                }
            }

            foreach (var dyad in world.Dyads)
            {
                dyad.Negotiating = OnTheAgenda(world, dyad);
            }

            double stalled = ModelParameters.Decay(world.P[ProgressHalfLife], world.Dt);
            foreach (var agreement in world.Agreements)
            {
                if (agreement.OnTable(world.Date))
                {
                    Advance(world, agreement, stalled);
                }
            }
        }

        foreach (var dyad in world.Dyads)
        {
            Array.Clear(dyad.NewTexts);
            double kept = 1;
            double restraint = 0;
            int inForce = 0;
            foreach (var agreement in world.Agreements)
            {
                if (agreement.Dyad == dyad && agreement.InForce)
                {
                    kept *= 1 - (agreement.Spec.Terms.IncidentReduction * agreement.Strength);
                    restraint += agreement.Spec.Terms.Restraint * agreement.Strength;
                    inForce++;
                }
            }

            dyad.IncidentReduction = 1 - kept;
            dyad.AgreementRestraint = restraint;
            dyad.AgreementsInForce = inForce;
        }
    }

    /// <summary>The readiness of the agreement's two governments for it: the lower of the two.</summary>
    public static double ReadinessFor(World world, AgreementRuntime agreement)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(world);
        var dyad = agreement.Dyad;
        var p = world.P;
        double hawkishnessWeight = p[TiReadinessRule.HawkishnessWeight];
        return Math.Min(
            GovernmentReadiness.ForTopic(world, dyad, 0, agreement.Topic, p.Of(TiReadinessRule.TextWeight, dyad.A), hawkishnessWeight),
            GovernmentReadiness.ForTopic(world, dyad, 1, agreement.Topic, p.Of(TiReadinessRule.TextWeight, dyad.B), hawkishnessWeight));
    }

    /// <summary>
    /// The one agreement the dialogue negotiates in this step: of those that need talks, are on
    /// the table, not in force and within both governments' readiness, the furthest advanced
    /// (the first in the scenario's order among equals); null when none. Reads each agreement's
    /// <see cref="AgreementRuntime.Readiness"/> of the step.
    /// </summary>
    public static AgreementRuntime? OnTheAgenda(World world, DyadRuntime dyad)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(dyad);
        AgreementRuntime? chosen = null;
        foreach (var agreement in world.Agreements)
        {
            if (agreement.Dyad != dyad || agreement.InForce || !agreement.Spec.NeedsTalks || !agreement.OnTable(world.Date)
                || agreement.Readiness < agreement.Spec.Threshold)
            {
                continue;
            }

            if (chosen is null || agreement.Progress > chosen.Progress)
            {
                chosen = agreement;
            }
        }

        return chosen;
    }

    /// <param name="world">The world.</param>
    /// <param name="agreement">An agreement on the table.</param>
    /// <param name="stalled">The factor by which stalled progress fades over a step.</param>
    private static void Advance(World world, AgreementRuntime agreement, double stalled)
    {
        var p = world.P;
        var spec = agreement.Spec;
        var dyad = agreement.Dyad;
        if (agreement.InForce)
        {
            if (!spec.Reversible)
            {
                return;
            }

            double meanReadiness = (dyad.Readiness[0] + dyad.Readiness[1]) / 2;
            double hostile = Math.Max(dyad.HostileAgainst[0], dyad.HostileAgainst[1]);
            // Its guarantors absorb a share of the erosion and of the shocks (TI-GUARANTEE; 0 without guarantors).
            agreement.Strength -= ((world.Dt * p[Erosion] * dyad.Tension * (1 - meanReadiness)) + (p[Shock] * hostile)) * (1 - agreement.Guarantee);
            if (agreement.Strength < p[CollapseLevel])
            {
                world.Record(Id, spec.Id, Text($"collapsed: {spec.Name} (strength {Num(Math.Max(agreement.Strength, 0))} below {Num(p[CollapseLevel])}; tension {Num(dyad.Tension)})"));
                agreement.Collapse();
                foreach (var link in dyad.Links)
                {
                    if (!link.SuspendedByEvent && spec.Terms.CreateLinks.Any(created => created.Id == link.Id))
                    {
                        link.SuspendedByEvent = true;
                        world.Record(FnSuspendRule.Id, link.Id, $"suspended: {spec.Id} collapsed");
                    }
                }
            }

            return;
        }

        int texts = agreement.Topic >= 0 ? dyad.NewTexts[agreement.Topic] : 0;
        agreement.Progress += texts * p[TextProgress];
        double readiness = agreement.Readiness;
        bool talking = spec.NeedsTalks ? dyad.DialogueOpen && dyad.Negotiating == agreement : true;
        if (talking && readiness >= spec.Threshold)
        {
            agreement.Progress += world.Dt * (readiness - spec.Threshold) / (1 - spec.Threshold) / spec.Work;
        }
        else if (texts == 0)
        {
            agreement.Progress *= stalled;
        }

        // Progress is a sum of step lengths; the tolerance keeps 6 steps of 1/12 at full speed equal to half a year.
        if (agreement.Progress >= 1 - 1e-9)
        {
            Reach(world, agreement, readiness);
        }
    }

    private static void Reach(World world, AgreementRuntime agreement, double readiness)
    {
        var spec = agreement.Spec;
        var dyad = agreement.Dyad;
        agreement.Sign();
        string topic = agreement.Topic >= 0 ? Text($"; {Num(dyad.Texts[agreement.Topic])} Track II texts on {spec.Topic} in stock") : string.Empty;
        world.Record(Id, spec.Id, Text($"reached: {spec.Name} (readiness {Num(readiness)}, needs {Num(spec.Threshold)}{topic})"));
        var terms = spec.Terms;
        world.Events.Injected.Add(new EventSpec(
            spec.Id,
            spec.Name,
            spec.Label,
            world.Date,
            null,
            AgreementKinds.SigningKind(spec.Kind),
            spec.Severity,
            spec.States,
            EventEffects.None with { Cbm = terms.Cbm, CreateLinks = terms.CreateLinks },
            spec.Source));
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Num(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
