using TrackSim.Core.Engine;

namespace TrackSim.Tests.Core.Engine;

/// <summary>Property 1 of the design: the posture core reduces to Richardson's model.</summary>
public sealed class RichardsonLimitTests
{
    [Test]
    public void Postures_converge_to_the_analytic_equilibrium_when_restraint_dominates()
    {
        (double a, double b, double m, double n, double r, double s) = (0.3, 0.2, 0.6, 0.5, 0.05, 0.08);
        var scenario = EngineScenarios.Load(EngineScenarios.Richardson(a, b, m, n, r, s));
        var run = new Simulation(scenario, 0).Run();

        double xStar = ((n * r) + (a * s)) / ((m * n) - (a * b));
        double yStar = ((m * s) + (b * r)) / ((m * n) - (a * b));

        // 100 years at a slowest decay rate of about 0.3/year leaves a transient below e^-30 of the
        // start, so only floating-point rounding separates the run from the fixed point.
        Assert.Multiple(() =>
        {
            Assert.That(run.Get("posture", "AA").Values[^1], Is.EqualTo(xStar).Within(1e-9));
            Assert.That(run.Get("posture", "BB").Values[^1], Is.EqualTo(yStar).Within(1e-9));
        });
    }

    [Test]
    public void Postures_run_away_to_the_saturation_level_when_fear_dominates()
    {
        var scenario = EngineScenarios.Load(EngineScenarios.Richardson(0.8, 0.8, 0.3, 0.3, 0.05, 0.05, years: 50));
        var run = new Simulation(scenario, 0).Run();
        double max = scenario.Parameters["posture.max"];

        Assert.Multiple(() =>
        {
            Assert.That(run.Get("posture", "AA").Values[^1], Is.EqualTo(max));
            Assert.That(run.Get("posture", "BB").Values[^1], Is.EqualTo(max));
            Assert.That(run.Get("tension", "AA-BB").Values[^1], Is.GreaterThan(0.99));
        });
    }
}
