using TrackSim.Core.Metrics;
using TrackSim.Core.Model;
using TrackSim.Core.Parameters;

namespace TrackSim.Core.Rules;

/// <summary>
/// ST-TRUST: official trust between governments, and the lapse of confidence-building measures.
/// <para>
/// Each step τ ← τ + Δt·g·(1 − τ)·[dialogue open] + Δt·d·(τ₀ − τ), with g = <c>trust.dialogue_gain</c>,
/// d = <c>trust.decay</c> and τ₀ = <c>trust.baseline</c>; crises and cooperative events change τ in
/// EVENT and adopted Track II recommendations in T2-TRANSFER (both only while this rule is on).
/// The CBM stock halves every <c>transfer.cbm_half_life</c> years (measures lapse unless renewed).
/// </para>
/// </summary>
internal sealed class StTrustRule() : Rule(
    Id,
    Switch,
    Declared,
    Recorded,
    "TrackSim's own specification (no published source).")
{
    public const string Id = "ST-TRUST";

    public static readonly Mechanism Switch = new("official_trust", Id, "changes in official trust");

    public static readonly ParameterDefinition DialogueGain = new("trust", "dialogue_gain", 0.1, 0, 5, "1/year", "Growth of official trust toward 1 while the dialogue is open.");
    public static readonly ParameterDefinition Decay = new("trust", "decay", 0.05, 0, 5, "1/year", "Drift of official trust toward its baseline, at all times (an open dialogue adds its own growth).");
    public static readonly ParameterDefinition Baseline = new("trust", "baseline", 0.2, 0, 1, "trust", "Official trust level without dialogue or crises.");
    public static readonly ParameterDefinition CbmHalfLife = new("transfer", "cbm_half_life", 5.0, 0.1, 100, "years", "Half-life of the confidence-building-measure stock.");

    private static readonly ParameterDefinition[] Declared = [DialogueGain, Decay, Baseline, CbmHalfLife];
    private static readonly MetricReader[] Recorded =
    [
        new(MetricCatalog.OfficialTrust, (world, d) => world.Dyads[d].OfficialTrust),
        new(MetricCatalog.CbmStock, (world, d) => world.Dyads[d].CbmStock),
    ];

    public override void Apply(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var p = world.P;
        double cbmMemory = ModelParameters.Decay(p[CbmHalfLife], world.Dt);
        bool on = world.On(Switch);
        double gain = p[DialogueGain];
        double decay = p[Decay];
        double baseline = p[Baseline];
        foreach (var dyad in world.Dyads)
        {
            if (on)
            {
                double tau = dyad.OfficialTrust;
                double growth = dyad.DialogueOpen ? world.Dt * gain * (1 - tau) : 0;
                dyad.OfficialTrust = Math.Clamp(tau + growth + (world.Dt * decay * (baseline - tau)), 0, 1);
            }
            else
            {
                dyad.OfficialTrust = Math.Clamp(dyad.OfficialTrust, 0, 1);
            }

            dyad.CbmStock *= cbmMemory;
        }
    }
}
