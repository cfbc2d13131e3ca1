using TrackSim.Core.Metrics;
using TrackSim.Core.Model;
using TrackSim.Core.Parameters;

namespace TrackSim.Core.Rules;

/// <summary>
/// ST-POSTURE: Richardson (1960) arms-race dynamics of hostile posture.
/// <para>
/// For every pair of states (i, j), with x = x_ij and y = x_ji:
/// dx/dt = a_i·y − m_i·x + r_i + G_ij + P_i, where a_i is the fear coefficient, r_i the standing
/// grievance (parameters of a state: <c>posture.fear</c> and <c>posture.grievance</c>, which a
/// scenario can set for all states or state by state), G_ij the remembered grievance from
/// incidents and long events (halving every <c>posture.grievance_half_life</c> years), P_i the
/// audience pressure of ST-AUDIENCE, and m_i = restraint_i + <c>posture.cbm_restraint</c>·CBM_ij +
/// <c>posture.interdependence_restraint</c>·L_ij + <c>posture.dialogue_restraint</c>·τ_ij·[dialogue open]
/// + A_ij, with L_ij the strength of the dyad's active functional links, τ_ij official trust
/// (diplomacy as a channel of restraint) and A_ij the restraint of the agreements in force
/// (TI-AGREE). The pair's linear system is advanced over the step exactly (the matrix exponential
/// of [[−m_i, a_i], [a_j, −m_j]] with the forcing held over the step), then clamped to [0, x_max]:
/// the step is stable and does not overshoot for any parameters in range and any step length.
/// Without events, incidents, audience pressure, CBMs, links, agreements and dialogue, and with
/// m_i·m_j > a_i·a_j, postures converge to x* = (m_j r_i + a_i r_j)/(m_i m_j − a_i a_j); with
/// m_i·m_j &lt; a_i·a_j they run away to x_max. A crisis's excess posture decays at the slower rate of
/// the pair, ½(m_i + m_j) − √(¼(m_i − m_j)² + a_i a_j) (m − a for equal states: a half-life of
/// ln 2/(0.8 − 0.3) ≈ 1.4 years with the defaults). All pairs read the postures of the previous step.
/// </para>
/// </summary>
internal sealed class StPostureRule() : Rule(
    Id,
    Switch,
    Declared,
    Recorded,
    "Richardson, L. F. (1960). Arms and Insecurity. Boxwood Press.")
{
    public const string Id = "ST-POSTURE";

    public static readonly Mechanism Switch = new("posture", Id, "Richardson dynamics of hostile posture");

    public static readonly ParameterDefinition Fear = new("posture", "fear", 0.3, 0, 5, "1/year", "Growth of a state's posture per unit of the other's posture (Richardson's a, b).") { Scope = ParameterScope.State };
    public static readonly ParameterDefinition Restraint = new("posture", "restraint", 0.8, 0, 5, "1/year", "Decay of a state's own posture (Richardson's m, n).") { Scope = ParameterScope.State };
    public static readonly ParameterDefinition Grievance = new("posture", "grievance", 0.05, 0, 5, "posture/year", "Standing grievance that pushes posture up (Richardson's r, s).") { Scope = ParameterScope.State };
    public static readonly ParameterDefinition GrievanceHalfLife = new("posture", "grievance_half_life", 0.25, 0.01, 50, "years", "Half-life of the remembered grievance of incidents and long events (a quarter of a year: crises peak within weeks).");
    public static readonly ParameterDefinition CbmRestraint = new("posture", "cbm_restraint", 0.3, 0, 5, "1/year per CBM", "Restraint added per unit of confidence-building-measure stock.");
    public static readonly ParameterDefinition InterdependenceRestraint = new("posture", "interdependence_restraint", 0.3, 0, 5, "1/year per link strength", "Restraint added per unit of active functional-link strength.");
    public static readonly ParameterDefinition DialogueRestraint = new("posture", "dialogue_restraint", 0.3, 0, 5, "1/year", "Restraint added by an open official dialogue, scaled by official trust.");
    public static readonly ParameterDefinition Max = new("posture", "max", 10, 0.1, 1000, "posture", "Saturation level of posture (runaway arms races stop here).");

    private static readonly ParameterDefinition[] Declared = [Fear, Restraint, Grievance, GrievanceHalfLife, CbmRestraint, InterdependenceRestraint, DialogueRestraint, Max];
    private static readonly MetricReader[] Recorded = [new(MetricCatalog.Posture, (world, s) => MeanPosture(world, s))];

    public override void Apply(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var p = world.P;
        int n = world.States.Length;
        double grievanceMemory = ModelParameters.Decay(p[GrievanceHalfLife], world.Dt);
        double max = p[Max];
        if (world.On(Switch))
        {
            for (int i = 0; i < n; i++)
            {
                for (int j = i + 1; j < n; j++)
                {
                    // Actors the scenario does not relate (a non-state party and a state it has
                    // no dyad with) have no arms race: their posture stays as it is.
                    if (!world.Related(i, j))
                    {
                        continue;
                    }

                    var dyad = world.DyadOf(i, j);
                    double shared = (p[CbmRestraint] * dyad.CbmStock) + (p[InterdependenceRestraint] * world.ActiveStrength(dyad))
                        + (dyad.DialogueOpen ? p[DialogueRestraint] * dyad.OfficialTrust : 0) + dyad.AgreementRestraint;
                    var (x, y) = Advance(
                        world.Posture[i, j],
                        world.Posture[j, i],
                        p.Of(Fear, i),
                        p.Of(Fear, j),
                        p.Of(Restraint, i) + shared,
                        p.Of(Restraint, j) + shared,
                        p.Of(Grievance, i) + world.EventGrievance[i, j] + world.AudiencePressure[i, j],
                        p.Of(Grievance, j) + world.EventGrievance[j, i] + world.AudiencePressure[j, i],
                        world.Dt);
                    world.Posture[i, j] = Math.Clamp(x, 0, max);
                    world.Posture[j, i] = Math.Clamp(y, 0, max);
                }
            }
        }

        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                world.EventGrievance[i, j] *= grievanceMemory;
            }
        }
    }

    /// <summary>
    /// The exact solution after <paramref name="h"/> years of dx/dt = a·y − m·x + r, dy/dt = b·x − n·y + s
    /// from (x0, y0): z(h) = e^(Ah)·z0 + (∫₀ʰ e^(Aτ) dτ)·(r, s), with A = [[−m, a], [b, −n]].
    /// </summary>
    /// <remarks>
    /// A has real eigenvalues σ ± q, σ = −(m + n)/2, q = √((m − n)²/4 + a·b), so
    /// e^(Aτ) = e^(στ)·(cosh(qτ)·I + sinh(qτ)/q·(A − σI)), and the integral is c0·I + c1·(A − σI)
    /// with c0 = (E(σ+q) + E(σ−q))/2, c1 = (E(σ+q) − E(σ−q))/(2q), E(z) = (e^(zh) − 1)/z; for
    /// q·h near 0, c1 is the derivative of E at σ.
    /// </remarks>
    public static (double X, double Y) Advance(double x0, double y0, double a, double b, double m, double n, double r, double s, double h)
    {
        double sigma = -(m + n) / 2;
        double half = (n - m) / 2;
        double q = Math.Sqrt((half * half) + (a * b));
        double es = Math.Exp(sigma * h);
        double cosh;
        double sinhOverQ;
        double c0;
        double c1;
        if (q * h < 1e-4)
        {
            // Series in q: cosh ≈ 1 + (qh)²/2, sinh(qh)/q ≈ h(1 + (qh)²/6); c1 from E'(σ) plus its q² term.
            cosh = 1 + (q * h * q * h / 2);
            sinhOverQ = h * (1 + (q * h * q * h / 6));
            c0 = E(sigma, h);
            c1 = EDerivative(sigma, h);
        }
        else
        {
            cosh = Math.Cosh(q * h);
            sinhOverQ = Math.Sinh(q * h) / q;
            double plus = E(sigma + q, h);
            double minus = E(sigma - q, h);
            c0 = (plus + minus) / 2;
            c1 = (plus - minus) / (2 * q);
        }

        // A − σI = [[half, a], [b, −half]], since −m − σ = (n − m)/2 and −n − σ = (m − n)/2.
        double x = (es * ((cosh * x0) + (sinhOverQ * ((half * x0) + (a * y0))))) + (c0 * r) + (c1 * ((half * r) + (a * s)));
        double y = (es * ((cosh * y0) + (sinhOverQ * ((b * x0) - (half * y0))))) + (c0 * s) + (c1 * ((b * r) - (half * s)));
        return (x, y);
    }

    /// <summary>E(z) = (e^(zh) − 1)/z, and h at z = 0.</summary>
    private static double E(double z, double h)
    {
        double zh = z * h;
        return Math.Abs(zh) < 1e-5 ? h * (1 + (zh / 2) + (zh * zh / 6)) : (Math.Exp(zh) - 1) / z;
    }

    /// <summary>dE/dz = (h·e^(zh)·z − (e^(zh) − 1))/z², and h²/2 at z = 0.</summary>
    private static double EDerivative(double z, double h)
    {
        double zh = z * h;
        return Math.Abs(zh) < 1e-4 ? h * h * (0.5 + (zh / 3) + (zh * zh / 8)) : ((h * Math.Exp(zh) * z) - (Math.Exp(zh) - 1)) / (z * z);
    }

    /// <summary>An actor's mean posture toward the actors it relates to (the <c>posture</c> metric).</summary>
    public static double MeanPosture(World world, int i)
    {
        ArgumentNullException.ThrowIfNull(world);
        int n = world.States.Length;
        double sum = 0;
        int related = 0;
        for (int j = 0; j < n; j++)
        {
            if (j != i && world.Related(i, j))
            {
                sum += world.Posture[i, j];
                related++;
            }
        }

        return related > 0 ? sum / related : 0;
    }
}
