using System.Globalization;
using ScottPlot;
using SkiaSharp;
using TrackSim.Core.Recording;
using TrackSim.Experiments.Ensembles;
using TrackSim.Reporting.Charts;

namespace TrackSim.Reporting.Networks;

/// <summary>
/// The network charts of each snapshot date, in the charts folder: <c>track2-network-DATE</c>, the
/// participants of every initiative on a circle, grouped by side, joined where they met (line
/// width: meetings attended together, mean of the runs; shade of a cross-side line: their mutual
/// trust), and <c>citizen-ties-DATE</c>, the deterministic sample of cross-border citizen ties of
/// the first replicate drawn between the two citizens' trust. Both layouts are fixed by the
/// scenario, so the figures are the same in every run of it.
/// </summary>
public static class NetworkCharts
{
    /// <summary>The file name stem of the participant network chart of a snapshot.</summary>
    public static string Track2StemOf(DateOnly date) => $"track2-network-{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// <summary>The file name stem of the citizen ties chart of a snapshot.</summary>
    public static string TiesStemOf(DateOnly date) => $"citizen-ties-{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Draws the charts of every snapshot of the variant <see cref="NetworkFiles.VariantOf"/> picks into
    /// <paramref name="folder"/> (created if needed) and returns the file names written.
    /// </summary>
    public static IReadOnlyList<string> Write(string folder, EnsembleResult ensemble, ChartStyle style, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        var runs = NetworkFiles.RunsOf(ensemble).Select(r => (r.Replicate, (IReadOnlyList<NetworkSnapshot>)r.Networks)).ToList();
        return Write(folder, NetworkFiles.VariantOf(ensemble.Variants), runs, style, cancellationToken);
    }

    /// <summary>
    /// Draws the charts of the snapshots of <paramref name="runs"/> (each replicate's snapshots in
    /// date order, as runs record them or <see cref="NetworkFiles.Read"/> reads them back) into
    /// <paramref name="folder"/> and returns the file names written: the participant network
    /// where the scenario has initiatives, the citizen ties where the sample holds any.
    /// </summary>
    public static IReadOnlyList<string> Write(string folder, string variant, IReadOnlyList<(int Replicate, IReadOnlyList<NetworkSnapshot> Snapshots)> runs, ChartStyle style, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(variant);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(style);
        if (runs.Count == 0)
        {
            return [];
        }

        Directory.CreateDirectory(folder);
        string family = ChartFonts.Resolve(style.Font).Family;
        var files = new List<string>();
        for (int k = 0; k < runs[0].Snapshots.Count; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var snapshots = runs.Select(r => r.Snapshots[k]).ToList();
            var date = snapshots[0].Date;
            var sides = SidesOf(snapshots[0]);
            if (!snapshots[0].Participants.IsEmpty)
            {
                var figure = new Track2Figure(snapshots, sides, variant, style, family);
                files.AddRange(ChartWriter.Save(folder, Track2StemOf(date), style, figure.Png, figure.Svg, figure.Pdf, cancellationToken));
            }

            if (!snapshots[0].TieSample.IsEmpty)
            {
                files.AddRange(ChartWriter.Write(folder, TiesStemOf(date), TiesChart(snapshots[0], sides, variant, runs[0].Replicate, style), style, family, cancellationToken));
            }
        }

        return files;
    }

    /// <summary>
    /// The states of a snapshot in the scenario's order, which give them their colours: those of
    /// the citizen tie pairs (written in that order), then the other sides of the participants.
    /// </summary>
    internal static List<string> SidesOf(NetworkSnapshot snapshot) =>
        [.. snapshot.TiePairs.SelectMany(p => new[] { p.A, p.B })
            .Concat(snapshot.Participants.Where(n => !n.ThirdParty).Select(n => n.Side))
            .Distinct(StringComparer.Ordinal)];

    /// <summary>The colour of a side: a state's in the scenario's order, grey for a third party.</summary>
    internal static SKColor SideColor(string side, List<string> states)
    {
        int index = states.IndexOf(side);
        return index < 0 ? ChartPalette.Muted : ChartPalette.ColorAt(index).ToSKColor();
    }

    private static XyChart TiesChart(NetworkSnapshot snapshot, List<string> states, string variant, int replicate, ChartStyle style)
    {
        var ties = snapshot.TieSample.Where(t => !double.IsNaN(t.TrustA) && !double.IsNaN(t.TrustB)).ToList();
        var shown = states.Where(s => ties.Any(t => t.StateA == s || t.StateB == s)).ToList();
        var sizes = new ChartSizes(style.FontSize);
        string sample = snapshot.TieStride == 1
            ? string.Create(CultureInfo.InvariantCulture, $"all {snapshot.CrossBorderTies} cross-border ties")
            : string.Create(CultureInfo.InvariantCulture, $"{ties.Count} of {snapshot.CrossBorderTies} cross-border ties (1 in {snapshot.TieStride})");
        string subtitle = string.Create(CultureInfo.InvariantCulture, $"{variant}, replicate {replicate}, {snapshot.Date:yyyy-MM-dd}; {sample}");
        var ink = ChartPalette.Black;
        List<ChartLegendEntry> legend =
        [
            new("active tie", ink.WithAlpha(0.6), LinePattern.Solid, LegendSymbol.Line),
            new("dormant tie", ink.WithAlpha(0.6), ChartPalette.PatternAt(2), LegendSymbol.Line),
        ];
        return new XyChart(
            "Cross-border ties of citizens and their trust",
            "Cross-border ties and trust",
            subtitle,
            ["Citizens' state", "State"],
            ["Trust toward the other side", "Trust"],
            XyAxis.Of(shown),
            new XyAxis(0, 1, 0, 1, null, Tight: true),
            legend,
            Overlay: (canvas, scale) => DrawTies(canvas, scale, ties, shown, states, sizes),
            HorizontalGrid: true);
    }

    // Each tie a line from one citizen's trust to the other's; the citizens as dots in their state's colour.
    private static void DrawTies(SKCanvas canvas, XyScale scale, List<CitizenTie> ties, List<string> shown, List<string> states, ChartSizes sizes)
    {
        float width = (float)(sizes.LineWidth * 0.5);
        using var active = new SKPaint { Style = SKPaintStyle.Stroke, Color = ChartPalette.Ink.WithAlpha(70), StrokeWidth = width, IsAntialias = true };
        using var dormant = new SKPaint { Style = SKPaintStyle.Stroke, Color = ChartPalette.Ink.WithAlpha(70), StrokeWidth = width, IsAntialias = true, PathEffect = SKPathEffect.CreateDash([1.2f, 1.5f], 0) };
        using var dot = new SKPaint { Style = SKPaintStyle.Fill, IsAntialias = true };
        foreach (var tie in ties)
        {
            var a = new SKPoint((float)scale.X(shown.IndexOf(tie.StateA)), (float)scale.Y(tie.TrustA));
            var b = new SKPoint((float)scale.X(shown.IndexOf(tie.StateB)), (float)scale.Y(tie.TrustB));
            canvas.DrawLine(a, b, tie.Active ? active : dormant);
        }

        float radius = (float)(1.1 * sizes.Weight);
        foreach (var tie in ties)
        {
            foreach (var (state, trust) in new[] { (tie.StateA, tie.TrustA), (tie.StateB, tie.TrustB) })
            {
                dot.Color = SideColor(state, states).WithAlpha(180);
                canvas.DrawCircle((float)scale.X(shown.IndexOf(state)), (float)scale.Y(trust), radius, dot);
            }
        }
    }
}
