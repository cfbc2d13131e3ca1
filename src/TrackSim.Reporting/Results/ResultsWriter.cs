using System.Collections.Immutable;
using TrackSim.Experiments.Effects;
using TrackSim.Experiments.Ensembles;
using TrackSim.Experiments.Files;
using TrackSim.Reporting.Charts;
using TrackSim.Reporting.Data;
using TrackSim.Reporting.Effects;
using TrackSim.Reporting.Files;

namespace TrackSim.Reporting.Results;

/// <summary>
/// Writes a results folder: <c>series.csv</c>, <c>summary.csv</c>, <c>events.csv</c>,
/// <c>chart-inputs.json</c>, the charts, and last <c>manifest.json</c>. Every file is written
/// under a temporary name and renamed when complete, and the manifest of an earlier run is
/// removed first, so a folder with a manifest always holds one complete, consistent run.
/// </summary>
public static class ResultsWriter
{
    /// <summary>
    /// Writes the results of <paramref name="ensemble"/> into <paramref name="folder"/> (created if
    /// needed); charts in <paramref name="charts"/>, or none when it is null. Cancelling leaves no
    /// file under a final name that was not complete, and no manifest.
    /// </summary>
    public static ResultsReport Write(
        string folder,
        EnsembleResult ensemble,
        RunProvenance provenance,
        ChartStyle? charts,
        TimeProvider clock,
        IProgress<string>? status = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(ensemble);
        ArgumentNullException.ThrowIfNull(provenance);
        ArgumentNullException.ThrowIfNull(clock);
        Directory.CreateDirectory(folder);
        var previous = TryReadManifest(folder);
        File.Delete(Path.Combine(folder, Manifest.FileName));

        status?.Report($"writing {SeriesCsv.FileName}");
        AtomicFile.WriteText(Path.Combine(folder, SeriesCsv.FileName), w => SeriesCsv.Write(w, ensemble, cancellationToken), cancellationToken);
        status?.Report($"writing {SummaryCsv.FileName}");
        var summary = SummaryTable.FromEnsemble(ensemble, cancellationToken);
        AtomicFile.WriteText(Path.Combine(folder, SummaryCsv.FileName), w => SummaryCsv.Write(w, summary, cancellationToken), cancellationToken);
        status?.Report($"writing {EventsCsv.FileName}");
        AtomicFile.WriteText(Path.Combine(folder, EventsCsv.FileName), w => EventsCsv.Write(w, ensemble, cancellationToken), cancellationToken);
        var inputs = ChartInputs.FromEnsemble(ensemble, charts ?? ChartStyle.FromOutputs(ensemble.Scenario.Outputs));
        AtomicFile.WriteAllText(Path.Combine(folder, ChartInputs.FileName), ResultsJson.Write(inputs));

        var written = new List<string> { SeriesCsv.FileName, SummaryCsv.FileName, EventsCsv.FileName, ChartInputs.FileName };
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

        RemoveStale(folder, previous, written);
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
            Describe(folder, written));
        cancellationToken.ThrowIfCancellationRequested();
        AtomicFile.WriteAllText(Path.Combine(folder, Manifest.FileName), ResultsJson.Write(manifest));
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
        ArgumentNullException.ThrowIfNull(commandLine);
        ArgumentNullException.ThrowIfNull(clock);
        if (!Directory.Exists(folder))
        {
            throw new InvalidDataException($"{folder}: no such folder");
        }

        var manifest = TryReadManifest(folder)
            ?? throw new InvalidDataException($"{folder} is not a complete TrackSim results folder (it has no {Manifest.FileName}); run 'tracksim run' first");
        var inputs = ResultsJson.ReadChartInputs(ReadText(folder, ChartInputs.FileName));
        var style = restyle is null ? inputs.Style : restyle(inputs.Style);
        var problems = style.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(restyle));
        }

        inputs = inputs with { Style = style };
        SummaryTable summary;
        using (var reader = new StreamReader(Path.Combine(folder, SummaryCsv.FileName)))
        {
            summary = SummaryCsv.Read(reader, inputs.Replicates);
        }

        var notes = new List<string>();
        var recorded = manifest.Files.FirstOrDefault(f => f.Path == SummaryCsv.FileName);
        if (recorded is not null && recorded.Sha256 != FileHash.Sha256(Path.Combine(folder, SummaryCsv.FileName)))
        {
            notes.Add($"{SummaryCsv.FileName} has changed since the run; the charts show it as it is now");
        }

        // Until the new manifest is written, the folder is not complete.
        File.Delete(Path.Combine(folder, Manifest.FileName));
        AtomicFile.WriteAllText(Path.Combine(folder, ChartInputs.FileName), ResultsJson.Write(inputs));
        var (chartFiles, chartNotes) = ChartWriter.WriteAll(Path.Combine(folder, ChartWriter.FolderName), summary, inputs, style, cancellationToken);
        notes.AddRange(chartNotes);
        var written = manifest.Files
            .Select(f => f.Path)
            .Where(p => !p.StartsWith(ChartWriter.FolderName + "/", StringComparison.Ordinal))
            .Concat(chartFiles.Select(f => $"{ChartWriter.FolderName}/{f}"))
            .ToList();
        RemoveStale(folder, manifest, written);
        var updated = manifest with
        {
            Files = Describe(folder, written),
            ReplottedUtc = clock.GetUtcNow(),
            ReplotCommandLine = commandLine,
        };
        AtomicFile.WriteAllText(Path.Combine(folder, Manifest.FileName), ResultsJson.Write(updated));
        return new ResultsReport(folder, updated, notes);
    }

    /// <summary>Reads the manifest of a results folder, or null when it has none.</summary>
    public static Manifest? TryReadManifest(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        string path = Path.Combine(folder, Manifest.FileName);
        return File.Exists(path) ? ResultsJson.ReadManifest(File.ReadAllText(path)) : null;
    }

    private static string ReadText(string folder, string file)
    {
        string path = Path.Combine(folder, file);
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new InvalidDataException($"{folder} has no {file}; it was not written by this version of TrackSim, or not completely");
    }

    // Files an earlier run wrote and this one did not (a chart no longer asked for) would look current.
    private static void RemoveStale(string folder, Manifest? previous, IReadOnlyCollection<string> written)
    {
        if (previous is null)
        {
            return;
        }

        foreach (var file in previous.Files.Where(f => !written.Contains(f.Path)))
        {
            string path = Path.Combine(folder, file.Path.Replace('/', Path.DirectorySeparatorChar));
            if (IsInside(folder, path) && File.Exists(path))
            {
                File.Delete(path);
            }
        }
    }

    private static bool IsInside(string folder, string path)
    {
        string root = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;
        return Path.GetFullPath(path).StartsWith(root, StringComparison.Ordinal);
    }

    private static ImmutableArray<ManifestFile> Describe(string folder, IEnumerable<string> files) =>
        [.. files.Select(f =>
        {
            string path = Path.Combine(folder, f.Replace('/', Path.DirectorySeparatorChar));
            return new ManifestFile(f, new FileInfo(path).Length, FileHash.Sha256(path));
        })];
}
