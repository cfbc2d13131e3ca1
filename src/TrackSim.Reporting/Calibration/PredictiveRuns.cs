using System.Collections.Immutable;
using System.Text;
using TrackSim.Core.Domain;
using TrackSim.Experiments.Calibration;
using TrackSim.Experiments.Ensembles;
using TrackSim.Experiments.Files;
using TrackSim.Experiments.Sweeps;
using TrackSim.Reporting.Data;

namespace TrackSim.Reporting.Calibration;

/// <summary>
/// The per-step series of a calibration's posterior predictive runs, the runs its predictive charts
/// summarise: <c>predictive-series.parquet</c> (or <c>.csv</c>) in the columns of a run's series
/// file, where <c>variant</c> is <c>posterior</c> (a run at a drawn particle; <c>replicate</c> is
/// the draw's number) or <c>central</c> (a replicate at the posterior's central values), and
/// <c>predictive-runs.csv</c>, one row per run with its parameter values and seed, to join on
/// <c>variant</c> and <c>replicate</c>. The ABC particles' own runs are not kept.
/// </summary>
public static class PredictiveRuns
{
    /// <summary>The variant of the runs at drawn particles (as in fit.csv's <c>set</c>).</summary>
    public const string Posterior = "posterior";

    /// <summary>The variant of the runs at the central values (as in fit.csv's <c>set</c>).</summary>
    public const string Central = "central";

    /// <summary>The runs table's file name.</summary>
    public const string RunsFileName = "predictive-runs.csv";

    /// <summary>The series file's name in <paramref name="format"/>, or null for none.</summary>
    public static string? SeriesFileName(SeriesFormat format) => format switch
    {
        SeriesFormat.Parquet => "predictive-series.parquet",
        SeriesFormat.Csv => "predictive-series.csv",
        _ => null,
    };

    /// <summary>
    /// Writes the series file (as <paramref name="series"/> says) and predictive-runs.csv of
    /// <paramref name="predictive"/> into <paramref name="output"/>; returns the files written (none
    /// when no series are kept).
    /// </summary>
    public static IReadOnlyList<string> Write(
        OutputFolder output, PosteriorPredictive predictive, ImmutableArray<UniformPrior> priors, Scenario scenario, SweepSeries series, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(predictive);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(series);
        if (SeriesFileName(series.Format) is not { } file)
        {
            return [];
        }

        var ensemble = EnsembleOf(predictive, scenario);
        if (series.Format == SeriesFormat.Csv)
        {
            output.Write(
                file,
                stream =>
                {
                    using var writer = new StreamWriter(stream, AtomicFile.Utf8NoBom, bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\n" };
                    SeriesCsv.Write(writer, ensemble, series.Keeps, cancellationToken);
                },
                cancellationToken);
        }
        else
        {
            output.Write(file, stream => SeriesParquet.Write(stream, ensemble, series.Keeps, cancellationToken), cancellationToken);
        }

        output.Write(RunsFileName, stream => stream.Write(Encoding.UTF8.GetBytes(RunsTable(predictive, priors))), cancellationToken);
        return [file, RunsFileName];
    }

    /// <summary>The predictive runs as one ensemble: the drawn runs as variant <c>posterior</c> numbered by draw, then the central runs as variant <c>central</c>.</summary>
    public static EnsembleResult EnsembleOf(PosteriorPredictive predictive, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(predictive);
        ArgumentNullException.ThrowIfNull(scenario);
        var runs = predictive.Drawn.Select((d, i) => d.Run with { Variant = Posterior, Replicate = i })
            .Concat(predictive.Central.Select(r => r with { Variant = Central }));
        return new EnsembleResult(scenario, [Posterior, Central], Math.Max(predictive.Draws, predictive.CentralReplicates), predictive.Seed, [.. runs]);
    }

    /// <summary>predictive-runs.csv: <c>variant,replicate,seed,&lt;each calibrated parameter&gt;</c>, one row per run in the series file's order.</summary>
    public static string RunsTable(PosteriorPredictive predictive, ImmutableArray<UniformPrior> priors)
    {
        ArgumentNullException.ThrowIfNull(predictive);
        var text = new StringBuilder("variant,replicate,seed");
        foreach (var prior in priors)
        {
            text.Append(',').Append(CsvText.Field(prior.Name));
        }

        text.Append('\n');
        void Row(string variant, int replicate, ulong seed, IEnumerable<double> values) =>
            text.AppendJoin(',', values.Select(SweepPlan.Format).Prepend(seed.ToString(System.Globalization.CultureInfo.InvariantCulture)).Prepend(CsvText.Integer(replicate)).Prepend(variant)).Append('\n');
        for (int d = 0; d < predictive.Draws; d++)
        {
            Row(Posterior, d, predictive.DrawnParticles[d].Seed, predictive.DrawnParticles[d].Parameters);
        }

        for (int r = 0; r < predictive.CentralReplicates; r++)
        {
            Row(Central, r, predictive.Seed, predictive.CentralValues);
        }

        return text.ToString();
    }
}
