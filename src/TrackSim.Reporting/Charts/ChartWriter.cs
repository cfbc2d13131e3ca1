using TrackSim.Experiments.Ensembles;
using TrackSim.Experiments.Files;

namespace TrackSim.Reporting.Charts;

/// <summary>Draws every chart of a results folder from its summary and chart inputs, and writes them atomically.</summary>
public static class ChartWriter
{
    /// <summary>The folder under a results folder that holds the charts.</summary>
    public const string FolderName = "charts";

    /// <summary>
    /// Draws the charts <paramref name="inputs"/> ask for from <paramref name="summary"/> in
    /// <paramref name="style"/> and writes them into <paramref name="chartsFolder"/> (created if needed).
    /// Returns the file names written and notes for the user (charts skipped, a font replaced).
    /// </summary>
    public static (IReadOnlyList<string> Files, IReadOnlyList<string> Notes) WriteAll(
        string chartsFolder, SummaryTable summary, ChartInputs inputs, ChartStyle style, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chartsFolder);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(style);
        var problems = style.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid chart style: {string.Join("; ", problems)}.", nameof(style));
        }

        Directory.CreateDirectory(chartsFolder);
        var (family, fontNote) = ChartFonts.Resolve(style.Font);
        var (charts, notes) = ChartPlanner.Plan(summary, inputs);
        var allNotes = new List<string>(notes);
        if (fontNote is not null)
        {
            allNotes.Add(fontNote);
        }

        return (Write(chartsFolder, charts, inputs, style, family, allNotes, cancellationToken), allNotes);
    }

    /// <summary>
    /// Draws <paramref name="charts"/> in <paramref name="style"/> with the resolved font
    /// <paramref name="family"/> and writes each, in each format, into <paramref name="folder"/>
    /// (which must exist); returns the file names written, and adds what a chart could not show as
    /// asked (a requested event label without room) to <paramref name="notes"/>.
    /// </summary>
    internal static List<string> Write(
        string folder, IEnumerable<ChartDefinition> charts, ChartInputs inputs, ChartStyle style, string family, List<string> notes, CancellationToken cancellationToken)
    {
        var files = new List<string>();
        var warnings = new List<(string Chart, string Warning)>();
        foreach (var chart in charts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var renderer = new ChartRenderer(chart, inputs, style, family);
            warnings.AddRange(renderer.Warnings.Select(w => (chart.FileStem, w)));
            files.AddRange(Save(folder, chart.FileStem, style, renderer.Png, renderer.Svg, renderer.Pdf, cancellationToken));
        }

        // The same warning on many charts (the same labels without room) is said once, naming the charts.
        foreach (var group in warnings.GroupBy(w => w.Warning, StringComparer.Ordinal))
        {
            var stems = group.Select(w => w.Chart).ToList();
            notes.Add(stems.Count == 1 ? $"{stems[0]}: {group.Key}" : $"{string.Join(", ", stems)}: {group.Key}");
        }

        return files;
    }

    /// <summary>
    /// Draws <paramref name="chart"/> and writes it as <c>stem.png</c> and/or <c>stem.svg</c> into
    /// <paramref name="folder"/> (which must exist); returns the file names written.
    /// </summary>
    internal static List<string> Write(string folder, string stem, XyChart chart, ChartStyle style, string family, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var renderer = new XyChartRenderer(chart, style, family);
        return Save(folder, stem, style, renderer.Png, renderer.Svg, renderer.Pdf, cancellationToken);
    }

    /// <summary>Writes a drawn figure as <c>stem.png</c>, <c>stem.svg</c> and/or <c>stem.pdf</c> into <paramref name="folder"/> (which must exist), each atomically; returns the file names written.</summary>
    internal static List<string> Save(string folder, string stem, ChartStyle style, Func<byte[]> png, Func<byte[]> svg, Func<byte[]> pdf, CancellationToken cancellationToken)
    {
        var files = new List<string>();
        foreach (string format in style.Formats.Distinct(StringComparer.Ordinal))
        {
            string name = $"{stem}.{format}";
            byte[] bytes = format switch { "png" => png(), "pdf" => pdf(), _ => svg() };
            AtomicFile.Write(Path.Combine(folder, name), stream => stream.Write(bytes), cancellationToken);
            files.Add(name);
        }

        return files;
    }
}
