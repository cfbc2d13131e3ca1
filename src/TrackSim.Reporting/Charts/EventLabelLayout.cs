namespace TrackSim.Reporting.Charts;

/// <summary>
/// Places event labels in rows above the plot so that no two overlap and no label covers another
/// label's leader line. Labels are tried in priority order, each in the lowest row where it fits,
/// centred on its event or else as a flag that starts or ends at the event's line; a label that
/// fits nowhere is left out (its event keeps its line).
/// </summary>
internal static class EventLabelLayout
{
    /// <summary>A label to place: its anchor (the event's x), its width, and an id to find it again.</summary>
    /// <param name="Id">Event id.</param>
    /// <param name="Anchor">x of the event (points from the figure's left edge).</param>
    /// <param name="Width">Width of the label text.</param>
    public readonly record struct Request(string Id, double Anchor, double Width);

    /// <summary>A placed label: its row (0 next to the plot) and its left edge.</summary>
    /// <param name="Id">Event id.</param>
    /// <param name="Anchor">x of the event.</param>
    /// <param name="Row">Row from 0 (next to the plot) upward.</param>
    /// <param name="Left">x of the label's left edge.</param>
    /// <param name="Width">Width of the label text.</param>
    public readonly record struct Placement(string Id, double Anchor, int Row, double Left, double Width)
    {
        /// <summary>x of the label's right edge.</summary>
        public double Right => Left + Width;
    }

    /// <summary>
    /// Places <paramref name="requests"/> (highest priority first) into at most <paramref name="rows"/>
    /// rows between <paramref name="minX"/> and <paramref name="maxX"/>, keeping <paramref name="gap"/> between labels.
    /// </summary>
    public static IReadOnlyList<Placement> Place(IEnumerable<Request> requests, int rows, double minX, double maxX, double gap)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var queue = requests.ToList();

        // Two greedy passes, one keeping labels low and one lifting a label that would block later
        // ones; the pass that places more labels (then uses fewer rows) wins.
        var low = Greedy(queue, rows, minX, maxX, gap, liftOverBlocked: false);
        var lifted = Greedy(queue, rows, minX, maxX, gap, liftOverBlocked: true);
        return lifted.Count > low.Count || (lifted.Count == low.Count && Rows(lifted) < Rows(low)) ? lifted : low;
    }

    private static int Rows(List<Placement> placed) => placed.Count == 0 ? 0 : placed.Max(p => p.Row) + 1;

    private static List<Placement> Greedy(List<Request> queue, int rows, double minX, double maxX, double gap, bool liftOverBlocked)
    {
        var placed = new List<Placement>();
        for (int i = 0; i < queue.Count; i++)
        {
            var request = queue[i];
            if (request.Width > maxX - minX)
            {
                continue;
            }

            // Centred on its event first; else as a flag starting or ending at the event's line.
            double[] lefts =
            [
                request.Anchor - (request.Width / 2),
                request.Anchor - (gap / 4),
                request.Anchor - request.Width + (gap / 4),
            ];

            // Events still to place whose own label could sit beside this one's leader.
            var later = queue.Skip(i + 1).Select(r => r.Anchor).Where(x => Math.Abs(x - request.Anchor) > gap).ToList();

            // A position that covers events still to place blocks their leaders: avoid it within a row,
            // and when lifting, a first-row position that covers any costs more than one row up.
            var best = Enumerable.Range(0, rows)
                .SelectMany(row => lefts.Select((left, order) => (Candidate: new Placement(request.Id, request.Anchor, row, Math.Clamp(left, minX, maxX - request.Width), request.Width), Order: order)))
                .Where(c => placed.All(p => Compatible(p, c.Candidate, gap)))
                .Select(c =>
                {
                    int covered = later.Count(x => x >= c.Candidate.Left - gap && x <= c.Candidate.Right + gap);
                    int cost = liftOverBlocked ? c.Candidate.Row + (c.Candidate.Row == 0 ? 2 * covered : 0) : (c.Candidate.Row * 1000) + covered;
                    return (c.Candidate, c.Order, Cost: cost);
                })
                .OrderBy(c => c.Cost)
                .ThenBy(c => c.Candidate.Row)
                .ThenBy(c => c.Order)
                .FirstOrDefault();
            if (best.Candidate.Id is not null)
            {
                placed.Add(best.Candidate);
            }
        }

        return placed;
    }

    private static bool Compatible(Placement a, Placement b, double gap)
    {
        if (a.Row == b.Row)
        {
            return b.Left >= a.Right + gap || b.Right + gap <= a.Left;
        }

        // The leader of the higher label runs down through the lower rows.
        var (low, high) = a.Row < b.Row ? (a, b) : (b, a);
        double margin = gap / 2;
        return high.Anchor < low.Left - margin || high.Anchor > low.Right + margin;
    }
}
