using System.Security.Cryptography;
using TrackSim.Experiments.Files;
using TrackSim.Reporting.Files;
using TrackSim.Reporting.Results;

namespace TrackSim.Reporting.Report;

/// <summary>
/// Writes the report of a results folder: into the folder itself as <c>report.html</c>, listed in
/// its <c>manifest.json</c> like every file TrackSim wrote there (so a later run replaces or removes
/// it as its own), or to a file elsewhere. Everything is read and the page built before anything
/// is written; the page is written atomically, and in the folder the manifest is replaced last.
/// </summary>
public static class ReportWriter
{
    /// <summary>The report's file name in a results folder.</summary>
    public const string FileName = "report.html";

    /// <summary>
    /// Writes the report of the locked results folder <paramref name="output"/> into it and lists it
    /// in its manifest. <paramref name="scenario"/> adds what the scenario file says, when at hand.
    /// Throws <see cref="InvalidDataException"/> when a file the report needs is missing or damaged.
    /// </summary>
    public static ReportResult WriteInto(OutputFolder output, ReportScenario? scenario, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        string folder = output.Path;
        var content = ReportReader.Read(folder, cancellationToken) with { Scenario = scenario };
        var (html, notes) = ReportHtml.Write(content);
        if (Refusal(Path.Combine(folder, FileName)) is { } refusal)
        {
            throw new IOException(refusal);
        }

        byte[] bytes = AtomicFile.Utf8NoBom.GetBytes(html);
        cancellationToken.ThrowIfCancellationRequested();

        var manifest = content.Manifest;
        var entry = new ManifestFile(FileName, bytes.LongLength, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        var updated = manifest with { Files = [.. manifest.Files.Where(f => f.Path != FileName), entry] };
        using (var staged = output.Stage())
        {
            output.Write(FileName, stream => stream.Write(bytes), cancellationToken);
            byte[] manifestBytes = AtomicFile.Utf8NoBom.GetBytes(ResultsJson.Write(updated));
            staged.Commit(Manifest.FileName, stream => stream.Write(manifestBytes));
        }

        return new ReportResult(Path.Combine(folder, FileName), bytes.LongLength, [.. Changed(folder, manifest), .. notes]);
    }

    /// <summary>
    /// Writes the report of the results folder <paramref name="folder"/> to <paramref name="file"/>,
    /// outside the folder: the folder is only read. A file already at <paramref name="file"/> is
    /// replaced only if it is a report TrackSim wrote; otherwise <see cref="IOException"/>.
    /// </summary>
    public static ReportResult WriteTo(string folder, string file, ReportScenario? scenario, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(file);
        var content = ReportReader.Read(folder, cancellationToken) with { Scenario = scenario };
        var (html, notes) = ReportHtml.Write(content);
        if (Refusal(file) is { } refusal)
        {
            throw new IOException(refusal);
        }

        cancellationToken.ThrowIfCancellationRequested();
        AtomicFile.WriteAllText(file, html);
        return new ReportResult(file, new FileInfo(file).Length, [.. Changed(folder, content.Manifest), .. notes]);
    }

    /// <summary>Null when a report may be written to <paramref name="file"/> (nothing there, or a report TrackSim wrote), else why not.</summary>
    public static string? Refusal(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var kind = FileKinds.Of(file);
        if (kind == FileKind.Missing)
        {
            return null;
        }

        if (kind != FileKind.Regular)
        {
            return $"{file} is {FileKinds.Describe(kind)}; the report is written only to a new file or over an earlier report";
        }

        // A report names its generator near the top; anything else at that path is someone's file.
        using var reader = new StreamReader(file);
        char[] head = new char[1024];
        int read = reader.ReadBlock(head);
        return new string(head, 0, read).Contains($"<meta name=\"generator\" content=\"{ReportHtml.Generator}\">", StringComparison.Ordinal)
            ? null
            : $"{file} exists and is not a report TrackSim wrote; choose another --out";
    }

    // The files the report reads that are no longer as the run wrote them.
    private static IEnumerable<string> Changed(string folder, Manifest manifest)
    {
        string[] read = [Data.SummaryCsv.FileName, Charts.ChartInputs.FileName, Data.EventsCsv.FileName, Effects.EffectsCsv.FileName, Effects.RecoveryCsv.FileName, Outcomes.AgreementsCsv.FileName];
        foreach (var file in manifest.Files.Where(f => read.Contains(f.Path)))
        {
            string path = Path.Combine(folder, file.Path);
            if (File.Exists(path) && FileHash.Sha256(path) != file.Sha256)
            {
                yield return $"{file.Path} has changed since the run; the report shows it as it is now";
            }
        }
    }
}

/// <summary>What <see cref="ReportWriter"/> wrote.</summary>
/// <param name="Path">The report's path.</param>
/// <param name="Bytes">Its size in bytes.</param>
/// <param name="Notes">Notes for the user: files changed since the run, charts with nothing to show.</param>
public sealed record ReportResult(string Path, long Bytes, IReadOnlyList<string> Notes);
