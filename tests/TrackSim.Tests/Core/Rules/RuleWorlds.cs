using TrackSim.Core.Domain;
using TrackSim.Core.Engine;
using TrackSim.Core.Model;
using TrackSim.Core.Rules;
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
    // Held once, so that a test measuring allocations measures the rules, not their creation.
    private static readonly StAudienceRule Audience = new();
    private static readonly StPostureRule PostureRule = new();
    private static readonly FnSuspendRule Suspend = new();
    private static readonly FnGrowthRule Growth = new();
    private static readonly FnSpilloverRule Spillover = new();
    private static readonly T2CooptRule Coopt = new();
    private static readonly T2MeetRule Meeting = new();
    private static readonly T2TransferRule Transfer = new();
    private static readonly FnCreateRule Creation = new();

    /// <summary>One step of a monthly calendar, in years.</summary>
    public const double Month = 1.0 / 12.0;

    /// <summary>Loads YAML text or fails the test with every error.</summary>
    public static Scenario Load(string yaml)
    {
        var result = ScenarioLoader.LoadText(yaml, "t.yaml");
        Assert.That(result.Errors, Is.Empty, string.Join(Environment.NewLine, result.Errors));
        return result.Scenario!;
    }

    /// <summary>
    /// Sets the public trust of state <paramref name="state"/> by hand, as the citizen summary
    /// would: its mean (<c>PublicTrust</c>) and its trust toward each actor it relates to.
    /// </summary>
    public static void SetPublicTrust(World world, int state, double trust)
    {
        world.States[state].PublicTrust = trust;
        foreach (int target in world.Citizens.Population.TargetsOf(state))
        {
            world.Citizens.TrustToward[state, target] = trust;
        }
    }

    /// <summary>
    /// Two runs of replicate 0 of <paramref name="scenario"/> on one thread, one with its events
    /// and one without any, each stepped <paramref name="steps"/> times: the same random draws
    /// wherever the events change nothing.
    /// </summary>
    public static (Simulation With, Simulation Without) WithAndWithoutEvents(Scenario scenario, ulong seed, int steps)
    {
        var with = new Simulation(scenario, 0, seed, citizenThreads: 1);
        var without = new Simulation(scenario with { Events = [] }, 0, seed, citizenThreads: 1);
        for (int step = 0; step < steps; step++)
        {
            with.Step();
            without.Step();
        }

        return (with, without);
    }

    /// <summary>A world of replicate 0 for the scenario in <paramref name="yaml"/>.</summary>
    public static World Create(string yaml, ulong seed = 1) => Simulation.CreateWorld(Load(yaml), 0, new StreamFactory(seed));

    /// <summary>ST-AUDIENCE then ST-POSTURE, as in the engine's step.</summary>
    public static void Posture(World world)
    {
        Audience.Apply(world);
        PostureRule.Apply(world);
    }

    /// <summary>The functional-link rules of the step's end: FN-SUSPEND, FN-GROWTH, FN-SPILLOVER.</summary>
    public static void Links(World world)
    {
        Suspend.Apply(world);
        Growth.Apply(world);
        Spillover.Apply(world);
    }

    /// <summary>The Track II rules as the engine runs them, initiative by initiative (T2-COOPT, T2-MEET, T2-TRANSFER), then FN-CREATE.</summary>
    public static void Track2(World world)
    {
        foreach (var initiative in world.Initiatives)
        {
            Coopt.Apply(world, initiative);
            Meeting.Apply(world, initiative);
            Transfer.Apply(world, initiative);
        }

        Creation.Apply(world);
    }

    /// <summary>Holds a meeting of <paramref name="initiative"/> now and passes on its recommendations, then adds the links they asked for.</summary>
    public static void Meet(World world, InitiativeRuntime initiative)
    {
        Coopt.Apply(world, initiative);
        T2MeetRule.Meet(world, initiative);
        Transfer.Apply(world, initiative);
        Creation.Apply(world);
    }

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
