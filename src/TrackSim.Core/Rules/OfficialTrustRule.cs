using TrackSim.Core.Engine;

namespace TrackSim.Core.Rules;

/// <summary>
/// ST-TRUST: official trust between governments, and the decay of confidence-building measures.
/// <para>
/// Each step τ ← τ + Δt·g·(1 − τ)·[dialogue open] + Δt·d·(τ₀ − τ), with g = <c>trust.dialogue_gain</c>,
/// d = <c>trust.decay</c> and τ₀ = <c>trust.baseline</c>; crises and cooperative events change τ in
/// <see cref="EventRule"/> and adopted Track II recommendations in <see cref="TransferRule"/>.
/// The CBM stock halves every <c>transfer.cbm_half_life</c> years (measures lapse unless renewed).
/// </para>
/// </summary>
internal static class OfficialTrustRule
{
    public const string Id = "ST-TRUST";

    public static void Apply(World world)
    {
        var p = world.P;
        double cbmMemory = ModelParameters.Decay(p.CbmHalfLife, world.Dt);
        foreach (var dyad in world.Dyads)
        {
            if (world.On("official_trust"))
            {
                double tau = dyad.OfficialTrust;
                double growth = dyad.DialogueOpen ? world.Dt * p.DialogueGain * (1 - tau) : 0;
                dyad.OfficialTrust = Math.Clamp(tau + growth + (world.Dt * p.TrustDecay * (p.TrustBaseline - tau)), 0, 1);
            }
            else
            {
                dyad.OfficialTrust = Math.Clamp(dyad.OfficialTrust, 0, 1);
            }

            dyad.CbmStock *= cbmMemory;
        }
    }
}
