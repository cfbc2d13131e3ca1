using System.Collections.Immutable;
using TrackSim.Experiments.Effects;
using TrackSim.Experiments.Ensembles;
using TrackSim.Experiments.Files;
using TrackSim.Experiments.Outcomes;
using TrackSim.Reporting.Charts;
using TrackSim.Reporting.Data;
using TrackSim.Reporting.Effects;
using TrackSim.Reporting.Files;
using TrackSim.Reporting.Outcomes;

namespace TrackSim.Reporting.Results;

/// <summary>
/// Writes a results folder: the series (<c>series.parquet</c>, <c>series.csv</c> or none, as
/// <see cref="SeriesOutput"/> says), <c>variants.csv</c>, <c>summary.csv</c>, <c>events.csv</c>,
/// <c>chart-inputs.json</c>, the official outcomes (<c>agreements.csv</c>, <c>agreement-targets.csv</c>,
/// <c>dialogue.csv</c>), with variants <c>effects.csv</c> and <c>recovery.csv</c>, the charts, and last <c>manifest.json</c>, through the folder's
/// <see cref="OutputFolder"/>: every file is staged under a temporary name and renamed into place
/// at the end, the new manifest replacing the old one last, so an interruption leaves the previous
/// run as it was; files are deleted only when the previous manifest proves TrackSim wrote them.
/// </summary>
public static class ResultsWriter
{
    /// <summary>
    /// Writes the results of <paramref name="ensemble"/> into <paramref name="folder"/> (created and
    /// locked for the write); see <see cref="Write(OutputFolder, EnsembleResult, RunProvenance, ChartStyle?, TimeProvider, SeriesOutput?, IProgress{string}?, CancellationToken)"/>.
    /// </summary>
    public static ResultsReport Write(
        string folder,
        EnsembleResult ensemble,
        RunProvenance provenance,
        ChartStyle? charts,
        TimeProvider clock,
        SeriesOutput? series = null,
        IProgress<string>? status = null,
        CancellationToken cancellationToken = default)
    {
        using var output = OutputFolder.Open(folder);
        return Write(output, ensemble, provenance, charts, clock, series, status, cancellationToken);
    }

    /// <summary>
    /// Writes the results of <paramref name="ensemble"/> into the locked <paramref name="output"/>;
    /// the series as <paramref name="series"/> says (<see cref="SeriesOutput.Default"/> when null),
    /// charts in <paramref name="charts"/>, or none when it is null. Every file is staged under a
    /// temporary name and renamed into place at the end, the manifest last (replacing the previous
    /// one), so an interruption leaves the previous results as they were. Files of the previous run
    /// not written again are then removed if they are still as that run wrote them.
    /// </summary>
    public static ResultsReport Write(
        OutputFolder output,
        EnsembleResult ensemble,
        RunProvenance provenance,
        ChartStyle? charts,
        TimeProvider clock,
        SeriesOutput? series = null,
        IProgress<string>? status = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(ensemble);
        ArgumentNullException.ThrowIfNull(provenance);
        ArgumentNullException.ThrowIfNull(clock);
        string folder = output.Path;
        var previous = TryReadPrevious(folder);
        using var staged = output.Stage();

        series ??= SeriesOutput.Default;
        var written = new List<string>();
        if (series.FileName is { } seriesFile)
        {
            status?.Report($"writing {seriesFile}");
            string seriesPath = Path.Combine(folder, seriesFile);
            if (series.Format == SeriesFormat.Csv)
            {
                AtomicFile.WriteText(seriesPath, w => SeriesCsv.Write(w, ensemble, series.Keeps, cancellationToken), cancellationToken);
            }
            else
            {
                AtomicFile.Write(seriesPath, s => SeriesParquet.Write(s, ensemble, series.Keeps, cancellationToken), cancellationToken);
            }

            written.Add(seriesFile);
        }

        AtomicFile.WriteText(Path.Combine(folder, VariantsCsv.FileName), w => VariantsCsv.Write(w, ensemble), cancellationToken);
        status?.Report($"writing {SummaryCsv.FileName}");
        var summary = SummaryTable.FromEnsemble(ensemble, cancellationToken);
        AtomicFile.WriteText(Path.Combine(folder, SummaryCsv.FileName), w => SummaryCsv.Write(w, summary, cancellationToken), cancellationToken);
        status?.Report($"writing {EventsCsv.FileName}");
        AtomicFile.WriteText(Path.Combine(folder, EventsCsv.FileName), w => EventsCsv.Write(w, ensemble, cancellationToken), cancellationToken);
        var inputs = ChartInputs.FromEnsemble(ensemble, charts ?? ChartStyle.FromOutputs(ensemble.Scenario.Outputs));
        AtomicFile.WriteAllText(Path.Combine(folder, ChartInputs.FileName), ResultsJson.Write(inputs));

        status?.Report($"writing {AgreementsCsv.FileName}, {AgreementTargetsCsv.FileName} and {DialogueCsv.FileName}");
        AtomicFile.WriteText(Path.Combine(folder, AgreementsCsv.FileName), w => AgreementsCsv.Write(w, AgreementTable.Compute(ensemble, cancellationToken)), cancellationToken);
        AtomicFile.WriteText(Path.Combine(folder, AgreementTargetsCsv.FileName), w => AgreementTargetsCsv.Write(w, AgreementTable.Targets(ensemble, cancellationToken)), cancellationToken);
        AtomicFile.WriteText(Path.Combine(folder, DialogueCsv.FileName), w => DialogueCsv.Write(w, DialogueTable.Compute(ensemble, cancellationToken)), cancellationToken);

        written.AddRange([VariantsCsv.FileName, SummaryCsv.FileName, EventsCsv.FileName, ChartInputs.FileName, AgreementsCsv.FileName, AgreementTargetsCsv.FileName, DialogueCsv.FileName]);
        var effects = EffectsTable.Compute(ensemble, cancellationToken);
        if (!effects.IsEmpty)
        {
            status?.Report($"writing {EffectsCsv.FileName} and {RecoveryCsv.FileName}");
            AtomicFile.WriteText(Path.Combine(folder, EffectsCsv.FileName), w => EffectsCsv.Write(w, effects), cancellationToken);
            AtomicFile.WriteText(Path.Combine(folder, RecoveryCsv.FileName), w => RecoveryCsv.Write(w, RecoveryTable.Compute(ensemble, cancellationToken)), cancellationToken);
            written.Add(EffectsCsv.FileName);
            written.Add(RecoveryCsv.FileName);
        }

        IReadOnlyList<string> notes = [];
        if (charts is not null)
        {
            status?.Report("drawing charts");
            (var chartFiles, notes) = ChartWriter.WriteAll(Path.Combine(folder, ChartWriter.FolderName), summary, inputs, charts, cancellationToken);
            written.AddRange(chartFiles.Select(f => $"{ChartWriter.FolderName}/{f}"));
            var differences = DifferenceCharts.Write(Path.Combine(folder, DifferenceCharts.FolderName), ensemble, inputs.Charts, charts, cancellationToken);
            written.AddRange(differences.Select(f => $"{DifferenceCharts.FolderName}/{f}"));
        }

        var manifest = new Manifest(
            provenance.ToolVersion,
            ensemble.Scenario.Name,
            ensemble.Scenario.Title,
            provenance.ScenarioPath,
            provenance.ScenarioSha256,
            ensemble.Seed,
            ensemble.Replicates,
            ensemble.Variants,
            provenance.Overrides.IsDefault ? [] : provenance.Overrides,
            provenance.Threads,
            provenance.CommandLine,
            provenance.StartedUtc,
            clock.GetUtcNow(),
            Describe(folder, written, staged));
        cancellationToken.ThrowIfCancellationRequested();
        Commit(staged, manifest);
        RemoveStale(output, previous, written);
        return new ResultsReport(folder, manifest, notes);
    }

    /// <summary>
    /// Redraws the charts of the results folder <paramref name="folder"/> from its
    /// <c>summary.csv</c> and <c>chart-inputs.json</c>, without running anything; <paramref name="restyle"/>
    /// may change the style recorded there. The old charts are replaced and the manifest updated.
    /// Throws <see cref="InvalidDataException"/> when the folder is not a complete results folder.
    /// </summary>
    public static ResultsReport Replot(
        string folder,
        Func<ChartStyle, ChartStyle>? restyle,
        string commandLine,
        TimeProvider clock,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder))
        {
            throw new InvalidDataException($"{folder}: no such folder");
        }

        using var output = OutputFolder.Open(folder);
        return Replot(output, restyle, commandLine, clock, cancellationToken);
    }

    /// <summary>Redraws the charts of the locked results folder <paramref name="output"/>; see <see cref="Replot(string, Func{ChartStyle, ChartStyle}?, string, TimeProvider, CancellationToken)"/>.</summary>
    public static ResultsReport Replot(
        OutputFolder output,
        Func<ChartStyle, ChartStyle>? restyle,
        string commandLine,
        TimeProvider clock,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(commandLine);
        ArgumentNullException.ThrowIfNull(clock);
        string folder = output.Path;
        Manifest manifest;
        try
        {
            manifest = TryReadManifest(folder)
                ?? throw new InvalidDataException($"{folder} is not a complete TrackSim results folder (it has no {Manifest.FileName}); run 'tracksim run' first");
        }
        catch (InvalidDataException e) when (File.Exists(Path.Combine(folder, Manifest.FileName)))
        {
            throw new InvalidDataException($"{folder}: {e.Message}; it was edited or not written by this version of TrackSim, so nothing is redrawn or removed", e);
        }
        var inputs = ResultsJson.ReadChartInputs(File.ReadAllText(Readable(output, ChartInputs.FileName)));
        var style = restyle is null ? inputs.Style : restyle(inputs.Style);
        var problems = style.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(restyle));
        }

        inputs = inputs with { Style = style };
        SummaryTable summary;
        using (var reader = new StreamReader(Readable(output, SummaryCsv.FileName)))
        {
            summary = SummaryCsv.Read(reader, inputs.Replicates);
        }

        var notes = new List<string>();
        var recorded = manifest.Files.FirstOrDefault(f => f.Path == SummaryCsv.FileName);
        if (recorded is not null && recorded.Sha256 != FileHash.Sha256(Path.Combine(folder, SummaryCsv.FileName)))
        {
            notes.Add($"{SummaryCsv.FileName} has changed since the run; the charts show it as it is now");
        }

        // Until everything is drawn, the previous charts and manifest stay in place.
        using var staged = output.Stage();
        AtomicFile.WriteAllText(Path.Combine(folder, ChartInputs.FileName), ResultsJson.Write(inputs));
        var (chartFiles, chartNotes) = ChartWriter.WriteAll(Path.Combine(folder, ChartWriter.FolderName), summary, inputs, style, cancellationToken);
        notes.AddRange(chartNotes);
        // Files plot did not write keep the record of the run that wrote them (a hash taken now
        // would adopt whatever is there, and a later run would then delete it as its own).
        var redrawn = chartFiles.Select(f => $"{ChartWriter.FolderName}/{f}").Prepend(ChartInputs.FileName).ToList();
        var kept = manifest.Files
            .Where(f => !f.Path.StartsWith(ChartWriter.FolderName + "/", StringComparison.Ordinal) && f.Path != ChartInputs.FileName && output.IsSafe(f.Path))
            .ToList();
        var written = kept.Select(f => f.Path).Concat(redrawn).ToList();
        var updated = manifest with
        {
            Files = [.. kept, .. Describe(folder, redrawn, staged)],
            ReplottedUtc = clock.GetUtcNow(),
            ReplotCommandLine = commandLine,
        };
        cancellationToken.ThrowIfCancellationRequested();
        Commit(staged, updated);
        RemoveStale(output, manifest, written);
        return new ResultsReport(folder, updated, notes);
    }

    /// <summary>Reads the manifest of a results folder, or null when it has none (or it is not a regular file).</summary>
    public static Manifest? TryReadManifest(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        string path = Path.Combine(folder, Manifest.FileName);
        return FileKinds.Of(path) == FileKind.Regular ? ResultsJson.ReadManifest(File.ReadAllText(path)) : null;
    }

    // The previous manifest, or null when there is none or it cannot be read (then nothing is removed).
    private static Manifest? TryReadPrevious(string folder)
    {
        try
        {
            return TryReadManifest(folder);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static string Readable(OutputFolder output, string file)
    {
        string path = output.Resolve(file);
        return File.Exists(path)
            ? path
            : throw new InvalidDataException($"{output.Path} has no {file}; it was not written by this version of TrackSim, or not completely");
    }

    private static void Commit(StagedWrites staged, Manifest manifest)
    {
        byte[] bytes = AtomicFile.Utf8NoBom.GetBytes(ResultsJson.Write(manifest));
        staged.Commit(Manifest.FileName, stream => stream.Write(bytes));
    }

    // Files an earlier run wrote and this one did not (a chart no longer asked for) would look
    // current. Only files still exactly as TrackSim wrote them, inside the folder, are removed.
    private static void RemoveStale(OutputFolder output, Manifest? previous, IReadOnlyCollection<string> written)
    {
        if (previous is null)
        {
            return;
        }

        foreach (var file in previous.Files.Where(f => !written.Contains(f.Path)))
        {
            output.DeleteOwned(file.Path, file.Sha256);
        }
    }

    private static ImmutableArray<ManifestFile> Describe(string folder, IEnumerable<string> files, StagedWrites staged) =>
        [.. files.Select(f =>
        {
            string path = staged.CurrentPath(Path.Combine(folder, f.Replace('/', Path.DirectorySeparatorChar)));
            return new ManifestFile(f, new FileInfo(path).Length, FileHash.Sha256(path));
        })];
}
