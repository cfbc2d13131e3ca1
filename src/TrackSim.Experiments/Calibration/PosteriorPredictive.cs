using System.Collections.Immutable;
using TrackSim.Core.Randomness;
using TrackSim.Core.Recording;
using TrackSim.Core.Metrics;
using TrackSim.Experiments.Analysis;

namespace TrackSim.Experiments.Calibration;

/// <summary>
/// The posterior predictive runs of a calibration: <see cref="Draws"/> particles drawn from the
/// last generation by weight, each run once with its own seed (parameter uncertainty and replicate
/// noise together), and the posterior's central values (the weighted medians) run for
/// <see cref="CentralReplicates"/> replicates of the calibration's seed (replicate noise alone).
/// </summary>
public sealed class PosteriorPredictive
{
    /// <summary>The name of the random stream the particles are drawn from.</summary>
    public const string DrawStreamName = "calibration.predictive.draw";

    /// <summary>The name of the random stream the draws' seeds come from.</summary>
    public const string SeedStreamName = "calibration.predictive.seed";

    private PosteriorPredictive(
        ImmutableArray<(ImmutableArray<double> Parameters, ulong Seed)> draws,
        ulong seed,
        ImmutableArray<(RunResult Run, ObservationModel Observation)> drawn,
        ImmutableArray<RunResult> central,
        ObservationModel centralObservation,
        ImmutableArray<double> centralValues,
        ImmutableArray<CalibrationTarget> targets)
    {
        DrawnParticles = draws;
        Seed = seed;
        Drawn = drawn;
        Central = central;
        CentralObservation = centralObservation;
        CentralValues = centralValues;
        Targets = targets;
    }

    /// <summary>The parameters of each drawn particle and the seed of its run, in draw order (as <see cref="Drawn"/>).</summary>
    public ImmutableArray<(ImmutableArray<double> Parameters, ulong Seed)> DrawnParticles { get; }

    /// <summary>The master seed of the runs at the central values (the calibration's).</summary>
    public ulong Seed { get; }

    /// <summary>The runs at drawn particles, with each particle's observation model.</summary>
    public ImmutableArray<(RunResult Run, ObservationModel Observation)> Drawn { get; }

    /// <summary>The runs at the central values.</summary>
    public ImmutableArray<RunResult> Central { get; }

    /// <summary>The observation model at the central values.</summary>
    public ObservationModel CentralObservation { get; }

    /// <summary>The central values, one per calibrated parameter.</summary>
    public ImmutableArray<double> CentralValues { get; }

    /// <summary>The targets.</summary>
    public ImmutableArray<CalibrationTarget> Targets { get; }

    /// <summary>The number of drawn particles.</summary>
    public int Draws => Drawn.Length;

    /// <summary>The number of runs at the central values.</summary>
    public int CentralReplicates => Central.Length;

    /// <summary>Runs the predictive check of <paramref name="posterior"/>.</summary>
    public static PosteriorPredictive Run(
        ScenarioCalibration calibration, AbcGeneration posterior, int draws, int centralReplicates, ulong seed, int threads, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        ArgumentNullException.ThrowIfNull(posterior);
        ArgumentOutOfRangeException.ThrowIfLessThan(draws, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(centralReplicates, 1);
        var streams = new StreamFactory(seed);
        var random = streams.Create(0, DrawStreamName);
        ulong seedKey = streams.SeedOf(0, SeedStreamName);
        double[] cumulative = posterior.CumulativeWeights();
        int[] chosen = new int[draws];
        for (int d = 0; d < draws; d++)
        {
            chosen[d] = AbcGeneration.Pick(cumulative, random.NextDouble());
        }

        var drawn = new (RunResult, ObservationModel)[draws];
        ImmutableArray<(ImmutableArray<double>, ulong)> particles = [.. chosen.Select((c, d) => (posterior.Particles[c].Parameters, StableHash.Combine(seedKey, (ulong)d)))];
        Parallel.For(0, draws, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken }, d =>
        {
            var (runs, observation) = calibration.Run(particles[d].Item1, particles[d].Item2, 1, 1, cancellationToken);
            drawn[d] = (runs[0], observation);
        });

        double[] weights = [.. posterior.Particles.Select(p => p.Weight)];
        ImmutableArray<double> central = [.. Enumerable.Range(0, calibration.Priors.Length)
            .Select(k => PosteriorSummary.WeightedQuantile([.. posterior.Particles.Select(p => p.Parameters[k])], weights, 0.5))];
        var (centralRuns, centralObservation) = calibration.Run(central, seed, centralReplicates, threads, cancellationToken);
        return new PosteriorPredictive(particles, seed, [.. drawn], centralRuns, centralObservation, central, calibration.Targets);
    }

    /// <summary>How the drawn and the central runs do on each target.</summary>
    public ImmutableArray<TargetFitRow> Fit()
    {
        var drawnFits = Drawn.Select(d => TargetEvaluator.Evaluate(Targets, d.Run, d.Observation)).ToArray();
        var centralFits = Central.Select(r => TargetEvaluator.Evaluate(Targets, r, CentralObservation)).ToArray();
        var rows = ImmutableArray.CreateBuilder<TargetFitRow>();
        for (int t = 0; t < Targets.Length; t++)
        {
            rows.Add(TargetFitRow.Of(Targets[t], "posterior", drawnFits.Select(f => f[t]).ToArray()));
            rows.Add(TargetFitRow.Of(Targets[t], "central", centralFits.Select(f => f[t]).ToArray()));
        }

        return rows.ToImmutable();
    }

    /// <summary>
    /// The band of one series over the runs: for a survey kind the share answering so (through each
    /// run's observation model), otherwise the metric itself. Returns the dates, the median, 5 % and
    /// 95 % over the drawn runs, and 5 % and 95 % over the central runs.
    /// </summary>
    public PredictiveSeries Series(TargetKind kind, string metric, string subject)
    {
        var dates = Central[0].Dates;
        double[] Values(RunResult run, ObservationModel observation)
        {
            var series = TargetEvaluator.Index(run);
            if (kind is TargetKind.Favourable or TargetKind.Unfavourable)
            {
                var trust = TargetEvaluator.Values(series, MetricCatalog.PublicTrust.Name, subject);
                var spread = TargetEvaluator.Values(series, MetricCatalog.Polarization.Name, subject.Split('>')[0]);
                return [.. trust.Select((m, k) => kind == TargetKind.Favourable ? observation.Favourable(m, spread[k]) : observation.Unfavourable(m, spread[k]))];
            }

            return [.. TargetEvaluator.Values(series, metric, subject)];
        }

        var drawn = Drawn.Select(d => Values(d.Run, d.Observation)).ToArray();
        var central = Central.Select(r => Values(r, CentralObservation)).ToArray();
        double[] At(double[][] runs, double p) => [.. Enumerable.Range(0, dates.Length).Select(k => Quantiles.Type7Unsorted(runs.Select(r => r[k]), p))];
        return new PredictiveSeries(kind, metric, subject, dates, [.. At(drawn, 0.5)], [.. At(drawn, 0.05)], [.. At(drawn, 0.95)], [.. At(central, 0.05)], [.. At(central, 0.95)]);
    }
}

/// <summary>The predictive band of one series (see <see cref="PosteriorPredictive.Series"/>).</summary>
/// <param name="Kind">The kind of target it shows.</param>
/// <param name="Metric">The metric.</param>
/// <param name="Subject">The subject.</param>
/// <param name="Dates">The recorded points' dates.</param>
/// <param name="Median">The median over the drawn runs.</param>
/// <param name="Low">The 5 % quantile over the drawn runs (parameters and noise).</param>
/// <param name="High">The 95 % quantile over the drawn runs.</param>
/// <param name="NoiseLow">The 5 % quantile over the central runs (noise alone).</param>
/// <param name="NoiseHigh">The 95 % quantile over the central runs.</param>
public sealed record PredictiveSeries(
    TargetKind Kind,
    string Metric,
    string Subject,
    ImmutableArray<DateOnly> Dates,
    ImmutableArray<double> Median,
    ImmutableArray<double> Low,
    ImmutableArray<double> High,
    ImmutableArray<double> NoiseLow,
    ImmutableArray<double> NoiseHigh);
