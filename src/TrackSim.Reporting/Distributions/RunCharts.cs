using TrackSim.Core.Recording;
using TrackSim.Experiments.Ensembles;
using TrackSim.Experiments.Files;
using TrackSim.Reporting.Charts;
using TrackSim.Reporting.Networks;
using TrackSim.Reporting.Results;

namespace TrackSim.Reporting.Distributions;

/// <summary>
/// Redraws the charts of a results folder that come from the runs rather than from
/// <c>summary.csv</c>: the distribution charts from <c>distributions.csv</c> and the network
/// charts from the files under <c>networks/</c>, read back exactly as the run wrote them, so
/// <c>tracksim plot</c> draws them as the run did.
/// </summary>
internal static class RunCharts
{
    /// <summary>Redraws them into the charts folder of <paramref name="output"/> in <paramref name="style"/>; returns the file names written.</summary>
    public static List<string> Redraw(OutputFolder output, Manifest manifest, SummaryTable summary, ChartStyle style, CancellationToken cancellationToken)
    {
        string charts = Path.Combine(output.Path, ChartWriter.FolderName);
        var files = new List<string>();
        if (manifest.Files.Any(f => f.Path == DistributionsCsv.FileName))
        {
            string path = output.Resolve(DistributionsCsv.FileName);
            if (!File.Exists(path))
            {
                throw new InvalidDataException($"{output.Path} has no {DistributionsCsv.FileName}, which its manifest lists");
            }

            List<(string Variant, int Replicate, DistributionSnapshot Snapshot)> rows;
            using (var reader = new StreamReader(path))
            {
                rows = DistributionsCsv.Read(reader);
            }

            string variant = NetworkFiles.VariantOf(manifest.Variants);
            var runs = rows.Where(r => r.Variant == variant)
                .GroupBy(r => r.Replicate)
                .OrderBy(g => g.Key)
                .Select(g => (IReadOnlyList<DistributionSnapshot>)[.. g.Select(r => r.Snapshot)])
                .ToList();
            files.AddRange(DistributionCharts.Write(charts, variant, runs, summary, style, cancellationToken));
        }

        // Only the files the manifest lists are read, each checked to be a regular file inside the folder.
        var networks = manifest.Files.Where(f => f.Path.StartsWith(NetworkFiles.FolderName + "/", StringComparison.Ordinal)).ToList();
        string nodes = $"{NetworkFiles.FolderName}/{NetworkFiles.NodesKind}-";
        var dates = networks
            .Where(f => f.Path.StartsWith(nodes, StringComparison.Ordinal) && f.Path.EndsWith(".csv", StringComparison.Ordinal))
            .Select(f => DateOnly.TryParseExact(f.Path[nodes.Length..^4], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date) ? date : (DateOnly?)null)
            .OfType<DateOnly>()
            .ToList();
        if (dates.Count > 0)
        {
            foreach (var file in networks)
            {
                output.Resolve(file.Path);
            }

            var (variant, runs) = NetworkFiles.Read(Path.Combine(output.Path, NetworkFiles.FolderName), dates);
            if (variant is not null)
            {
                files.AddRange(NetworkCharts.Write(charts, variant, [.. runs.Select(r => (r.Replicate, (IReadOnlyList<NetworkSnapshot>)r.Snapshots))], style, cancellationToken));
            }
        }

        return files;
    }
}
