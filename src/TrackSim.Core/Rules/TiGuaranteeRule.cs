using TrackSim.Core.Model;
using TrackSim.Core.Parameters;

namespace TrackSim.Core.Rules;

/// <summary>
/// TI-GUARANTEE: third parties guaranteeing an agreement (Walter 2002; Fortna 2004).
/// <para>
/// An agreement with guarantors is harder to break: a guarantor that both parties trust makes
/// defection costly and reassures each side that the other will comply (Walter 2002, on
/// third-party security guarantees in the implementation of settlements; Fortna 2004, on
/// peacekeepers lowering the risk that peace fails). With G = min over the agreement's two
/// states s of (max over its guarantors k of τ_sk), τ the trust T2-THIRD-TRUST keeps (the same
/// aggregation as T2-THIRD-HOST: each side leans on the guarantor it trusts most, the less
/// reassured side limits), the guarantee is ψ·G, ψ = <c>third_party.guarantee_strength</c>, and
/// TI-AGREE multiplies the erosion of the agreement's strength and the shocks of hostile events
/// on it by 1 − ψ·G. The default ψ = 0.5 is an assumption of TrackSim's, below the effect Fortna
/// measures for peacekeeping (a risk of renewed war lower by about three quarters), since a
/// guarantor without troops does less. Switched off, or without guarantors, the guarantee is 0.
/// </para>
/// </summary>
internal sealed class TiGuaranteeRule() : Rule(
    Id,
    Switch,
    Declared,
    [],
    "Walter, B. F. (2002). Committing to Peace: The Successful Settlement of Civil Wars. Princeton University Press; Fortna, V. P. (2004). Does peacekeeping keep peace? International intervention and the duration of peace after civil war. International Studies Quarterly 48(2).")
{
    public const string Id = "TI-GUARANTEE";

    public static readonly Mechanism Switch = new("guarantees", Id, "third-party guarantors slowing the erosion and collapse of agreements");

    public static readonly ParameterDefinition GuaranteeStrength = new("third_party", "guarantee_strength", 0.5, 0, 1, "1", "Share of an agreement's erosion and of the shocks of hostile events on it absorbed by guarantors both parties trust fully.");

    private static readonly ParameterDefinition[] Declared = [GuaranteeStrength];

    public override void Apply(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        bool on = world.On(Switch);
        double strength = world.P[GuaranteeStrength];
        foreach (var agreement in world.Agreements)
        {
            agreement.Guarantee = on && agreement.Guarantors.Length > 0
                ? strength * ThirdPartyRuntime.Reassurance(world.ThirdParties, [agreement.Dyad.A, agreement.Dyad.B], agreement.Guarantors, textsOnly: false)
                : 0;
        }
    }
}
