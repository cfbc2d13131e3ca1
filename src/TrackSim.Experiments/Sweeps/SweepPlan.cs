using System.Collections.Immutable;
using System.Globalization;
using TrackSim.Experiments.Analysis;
using TrackSim.Experiments.Files;

namespace TrackSim.Experiments.Sweeps;

/// <summary>Everything that fixes a sweep's runs and their order: the same plan gives the same runs.csv.</summary>
/// <param name="Ranges">The parameters varied, by scenario path, in column order.</param>
/// <param name="Design">How points are chosen.</param>
/// <param name="Samples">LHS points, Morris trajectories or Sobol' base samples (unused by the grid).</param>
/// <param name="Replicates">Runs per point (base variant only).</param>
/// <param name="Seed">Master seed: every point uses it, so points differ by their values, not their noise.</param>
/// <param name="Outcomes">What each run records.</param>
public sealed record SweepPlan(
    ImmutableArray<ParameterRange> Ranges,
    SweepDesign Design,
    int Samples,
    int Replicates,
    ulong Seed,
    ImmutableArray<SweepOutcome> Outcomes)
{
    /// <summary>Default samples per design when none are given.</summary>
    public static int DefaultSamples(SweepDesign design) => design switch
    {
        SweepDesign.Lhs => 20,
        SweepDesign.Morris => 10,
        SweepDesign.Sobol => 32,
        _ => 0,
    };

    /// <summary>The design's points, deterministic in the plan.</summary>
    public ExperimentDesign CreateDesign() => Design switch
    {
        SweepDesign.Grid => Grid.Create(Ranges),
        SweepDesign.Lhs => LatinHypercube.Create(Ranges, Samples, Seed),
        SweepDesign.Morris => Morris.Create(Ranges, Samples, Seed),
        SweepDesign.Sobol => Saltelli.Create(Ranges, Samples, Seed),
        _ => throw new InvalidOperationException("Unknown design."),
    };

    private static readonly string[] FixedColumns = ["point", "replicate", "seed"];

    /// <summary>The header line of runs.csv.</summary>
    public string Header =>
        string.Join(',', FixedColumns.Concat(Ranges.Select(r => CsvText.Field(r.Path))).Concat(Outcomes.Select(o => CsvText.Field(o.Name))));

    /// <summary>The value as written to the scenario and to runs.csv (shortest round-trip form).</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
