using TrackSim.Core.Domain;
using TrackSim.Core.Engine;
using TrackSim.Core.Randomness;
using TrackSim.Scenarios.Loading;

namespace TrackSim.Tests.Core.Rules;

/// <summary>
/// Tiny worlds for rule tests, written as YAML so they go through the real loader. A world
/// built here has no citizens: the rules under test read the public-opinion summaries
/// (<c>PublicTrust</c>, <c>HostileShare</c>) that a test sets by hand.
/// </summary>
internal static class RuleWorlds
{
    /// <summary>One step of a monthly calendar, in years.</summary>
    public const double Month = 1.0 / 12.0;

    /// <summary>Loads YAML text or fails the test with every error.</summary>
    public static Scenario Load(string yaml)
    {
        var result = ScenarioLoader.LoadText(yaml, "t.yaml");
        Assert.That(result.Errors, Is.Empty, string.Join(Environment.NewLine, result.Errors));
        return result.Scenario!;
    }

    /// <summary>A world of replicate 0 for the scenario in <paramref name="yaml"/>.</summary>
    public static World Create(string yaml, ulong seed = 1) => new(Load(yaml), 0, new StreamFactory(seed));

    /// <summary>Puts the world's clock on step <paramref name="step"/>, as the engine does before the rules run.</summary>
    public static void GoTo(World world, int step)
    {
        world.Step = step;
        world.Date = world.Calendar.DateOf(step);
        world.StepEnd = world.Calendar.DateOf(step + 1).AddDays(-1);
    }

    /// <summary>The rule ids of the log entries, in order.</summary>
    public static string[] LoggedRules(World world) => [.. world.Log.Select(e => e.Rule)];
}
