using TrackSim.Core.Engine;
using TrackSim.Core.Model;
using TrackSim.Core.Rules;

namespace TrackSim.Tests.Core.Rules;

/// <summary>
/// ST-POSTURE and ST-AUDIENCE: one exact step of the Richardson dynamics, checked against a
/// fine Runge-Kutta integration of the same equations with the coefficients worked out by hand.
/// </summary>
public sealed class PostureRuleTests
{
    // The step is exact; the reference is fourth-order Runge-Kutta with 20,000 substeps, whose
    // error on these smooth, slow linear systems is below 1e-12: 1e-9 leaves room for both.
    private const double Exact = 1e-9;

    /// <summary>dx/dt = a·y − m·x + r, dy/dt = b·x − n·y + s over <paramref name="h"/> years by RK4.</summary>
    private static (double X, double Y) Reference(double x, double y, double a, double b, double m, double n, double r, double s, double h)
    {
        const int steps = 20_000;
        double k = h / steps;
        for (int i = 0; i < steps; i++)
        {
            (double, double) F(double u, double v) => ((a * v) - (m * u) + r, (b * u) - (n * v) + s);
            var (k1x, k1y) = F(x, y);
            var (k2x, k2y) = F(x + (k * k1x / 2), y + (k * k1y / 2));
            var (k3x, k3y) = F(x + (k * k2x / 2), y + (k * k2y / 2));
            var (k4x, k4y) = F(x + (k * k3x), y + (k * k3y));
            x += k * (k1x + (2 * k2x) + (2 * k3x) + k4x) / 6;
            y += k * (k1y + (2 * k2y) + (2 * k3y) + k4y) / 6;
        }

        return (x, y);
    }

    // Every value below is computed in double precision from a handful of operations, so the
    // results agree with the hand arithmetic to rounding: 1e-12 is far above that and far below
    // any modelling difference.
    private const double Rounding = 1e-12;

    private const string TwoStates = """
        calendar: { start: 2000-01, end: 2001-12 }
        states:
          - { id: AA }
          - { id: BB }
        dyads:
          - states: [AA, BB]
            functional_links: [ { id: river, sector: water, strength: 0.4, threshold: 0.9 } ]
        parameters:
          posture: { fear: { AA: 0.4 }, restraint: { AA: 0.5 }, grievance: { AA: 0.1 }, hawkishness: { AA: 0.8 }, public_sensitivity: { AA: 0.5 } }
        """;

    private static World TwoStateWorld(string extra = "")
    {
        var world = RuleWorlds.Create(TwoStates + "\n" + extra);
        var dyad = world.Dyads[0];
        dyad.CbmStock = 0.5;
        dyad.OfficialTrust = 0.5;
        dyad.DialogueOpen = true;
        world.Posture[0, 1] = 1.0;
        world.Posture[1, 0] = 2.0;
        world.EventGrievance[0, 1] = 0.2;
        RuleWorlds.SetPublicTrust(world, 0, 0.2);
        RuleWorlds.SetPublicTrust(world, 1, 0.6);
        return world;
    }

    [Test]
    public void One_step_combines_fear_restraint_grievances_cbm_links_dialogue_and_audience()
    {
        var world = TwoStateWorld();

        RuleWorlds.Posture(world);

        // AA toward BB: restraint m = 0.5 + 0.3·0.5 (CBM) + 0.3·0.4 (link) + 0.3·0.5 (open dialogue × trust) = 0.92;
        // audience P = 0.3 · 0.5 (sensitivity) · 0.8 (hawkishness) · clamp(1 − 2·0.2) = 0.072;
        // forcing r = 0.1 + 0.2 (event grievance) + 0.072 = 0.372, fear a = 0.4.
        // BB toward AA (defaults b = 0.3, n = 0.8 + 0.42 = 1.22, s = 0.05; public trust 0.6 > 0.5: no audience).
        // The event grievance then fades by one month of its quarter-year half-life: 0.2 · 2^(−4/12).
        var (x, y) = Reference(1, 2, 0.4, 0.3, 0.92, 1.22, 0.372, 0.05, 1.0 / 12);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(world.Posture[0, 1], Is.EqualTo(x).Within(Exact));
            Assert.That(world.Posture[1, 0], Is.EqualTo(y).Within(Exact));
            Assert.That(world.EventGrievance[0, 1], Is.EqualTo(0.2 * Math.Pow(2, -4.0 / 12)).Within(Rounding));
        }
    }

    [Test]
    public void Suspended_dialogue_and_suspended_links_add_no_restraint()
    {
        var world = TwoStateWorld();
        world.Dyads[0].DialogueOpen = false;
        world.Dyads[0].Links[0].SuspendedByEvent = true;

        RuleWorlds.Posture(world);

        // AA: m = 0.5 + 0.15 = 0.65 (CBM only); BB: n = 0.8 + 0.15 = 0.95.
        var (x, y) = Reference(1, 2, 0.4, 0.3, 0.65, 0.95, 0.372, 0.05, 1.0 / 12);
        Assert.That((world.Posture[0, 1], world.Posture[1, 0]), Is.EqualTo((x, y)).Using<(double, double)>((p, q) => Math.Abs(p.Item1 - q.Item1) < Exact && Math.Abs(p.Item2 - q.Item2) < Exact));
    }

    [Test]
    public void Agreements_in_force_add_their_restraint_to_both_postures()
    {
        var world = TwoStateWorld();
        world.Dyads[0].AgreementRestraint = 0.25;

        RuleWorlds.Posture(world);

        var (x, y) = Reference(1, 2, 0.4, 0.3, 0.92 + 0.25, 1.22 + 0.25, 0.372, 0.05, 1.0 / 12);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(world.Posture[0, 1], Is.EqualTo(x).Within(Exact));
            Assert.That(world.Posture[1, 0], Is.EqualTo(y).Within(Exact));
        }
    }

    [TestCase(1.0 / 12)]
    [TestCase(1.0 / 52)]
    [TestCase(1.0)]
    [TestCase(5.0)]
    public void The_exact_step_matches_the_reference_for_stable_runaway_and_degenerate_systems(double h)
    {
        // Stable (m·n > a·b), runaway (m·n < a·b), no fear at equal restraint (q = 0), and
        // restraint far above what an explicit Euler step of a year could take (m·h = 12).
        (double A, double B, double M, double N, double R, double S)[] systems =
        [
            (0.3, 0.4, 0.8, 0.6, 0.05, 0.1),
            (2.0, 1.5, 0.5, 0.4, 0.1, 0.0),
            (0.0, 0.0, 0.7, 0.7, 0.2, 0.3),
            (0.5, 5.0, 12.0, 8.0, 1.0, 0.5),
        ];
        foreach (var (a, b, m, n, r, s) in systems)
        {
            var exact = StPostureRule.Advance(1.5, 0.5, a, b, m, n, r, s, h);
            var reference = Reference(1.5, 0.5, a, b, m, n, r, s, h);
            double scale = Math.Max(1, Math.Max(Math.Abs(reference.X), Math.Abs(reference.Y)));
            Assert.That(Math.Abs(exact.X - reference.X) / scale, Is.LessThan(Exact), $"x of a={a}, b={b}, m={m}, n={n}, h={h}");
            Assert.That(Math.Abs(exact.Y - reference.Y) / scale, Is.LessThan(Exact), $"y of a={a}, b={b}, m={m}, n={n}, h={h}");
        }
    }

    [TestCase(0.0, 0.12)]
    [TestCase(0.3, 0.048)]
    [TestCase(0.5, 0.0)]
    [TestCase(0.9, 0.0)]
    public void Audience_pressure_grows_with_the_hostility_of_the_public(double publicTrust, double pressure)
    {
        // Only the audience term is left: no fear, restraint or grievance, and a posture of 0.
        // P = 0.3 · 0.5 · 0.8 · clamp(1 − 2·trust, 0, 1): 0.12 at trust 0, 0.048 at 0.3, none from 0.5 up.
        var world = RuleWorlds.Create("""
            calendar: { start: 2000-01, end: 2001-12 }
            states:
              - { id: AA }
              - { id: BB }
            parameters: { posture: { dialogue_restraint: 0, fear: 0, restraint: 0, grievance: 0, hawkishness: { AA: 0.8 }, public_sensitivity: { AA: 0.5 } } }
            """);
        world.Posture[0, 1] = 0;
        RuleWorlds.SetPublicTrust(world, 0, publicTrust);
        RuleWorlds.SetPublicTrust(world, 1, 1);

        RuleWorlds.Posture(world);

        Assert.That(world.Posture[0, 1], Is.EqualTo(pressure / 12).Within(Rounding));
    }

    [Test]
    public void Audience_pressure_switched_off_adds_nothing()
    {
        var world = TwoStateWorld("mechanisms: { audience_pressure: false }");

        RuleWorlds.Posture(world);

        // As in the full step without the 0.072 of audience pressure: forcing 0.3.
        Assert.That(world.Posture[0, 1], Is.EqualTo(Reference(1, 2, 0.4, 0.3, 0.92, 1.22, 0.3, 0.05, 1.0 / 12).X).Within(Exact));
    }

    [Test]
    public void Posture_saturates_at_its_maximum_and_never_falls_below_zero()
    {
        var world = TwoStateWorld();
        world.Posture[0, 1] = 9.99;
        world.Posture[1, 0] = 10;
        world.Dyads[0].CbmStock = 100;

        RuleWorlds.Posture(world);

        // AA: restraint m = 30.77 with the CBM stock. An explicit Euler step, 9.99 + (0.4·10 − 30.77·9.99 + ...)/12,
        // would overshoot to about −15; the exact step relaxes toward the equilibrium and stays above 0.
        var (x, _) = Reference(9.99, 10, 0.4, 0.3, 30.77, 31.07, 0.372, 0.05, 1.0 / 12);
        Assert.That(world.Posture[0, 1], Is.EqualTo(x).Within(Exact).And.GreaterThan(0).And.LessThan(9.99));

        var fearful = RuleWorlds.Create("""
            calendar: { start: 2000-01, end: 2001-12 }
            states: [ { id: AA }, { id: BB } ]
            parameters: { posture: { fear: { AA: 5 }, restraint: { AA: 0 } } }
            """);
        fearful.Posture[0, 1] = 9.99;
        fearful.Posture[1, 0] = 10;

        RuleWorlds.Posture(fearful);

        // dx/dt ≥ 5·10 = 50 throughout, so the step ends above 10: saturated at posture.max = 10.
        Assert.That(fearful.Posture[0, 1], Is.EqualTo(10));
    }

    [Test]
    public void Posture_switched_off_holds_postures_but_grievances_still_fade()
    {
        var world = TwoStateWorld("mechanisms: { posture: false }");

        RuleWorlds.Posture(world);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(world.Posture[0, 1], Is.EqualTo(1.0));
            Assert.That(world.Posture[1, 0], Is.EqualTo(2.0));
            Assert.That(world.EventGrievance[0, 1], Is.EqualTo(0.2 * Math.Pow(2, -4.0 / 12)).Within(Rounding));
        }
    }

    [Test]
    public void Mean_posture_of_a_state_averages_over_the_other_states()
    {
        var world = RuleWorlds.Create("""
            calendar: { start: 2000-01, end: 2001-12 }
            states: [ { id: AA }, { id: BB }, { id: CC } ]
            """);
        world.Posture[0, 1] = 1;
        world.Posture[0, 2] = 3;

        Assert.That(StPostureRule.MeanPosture(world, 0), Is.EqualTo(2));
    }
}
