namespace TrackSim.Reporting.Charts;

/// <summary>
/// Places event labels in rows above the plot so that no two overlap and no label covers another
/// label's leader line. Labels are tried in priority order, each in the lowest row where it fits,
/// centred on its event or else as a flag that starts or ends at the event's line; a label that
/// fits none of these is moved sideways, its rule running along to the event's leader, and only a
/// label that fits nowhere is left out (its event keeps its line).
/// </summary>
internal static class EventLabelLayout
{
    /// <summary>A label to place: its anchor (the event's x), its width, and an id to find it again.</summary>
    /// <param name="Id">Event id.</param>
    /// <param name="Anchor">x of the event (points from the figure's left edge).</param>
    /// <param name="Width">Width of the label text.</param>
    public readonly record struct Request(string Id, double Anchor, double Width);

    /// <summary>
    /// A placed label: its row (0 next to the plot) and its left edge. A label moved sideways does
    /// not span its anchor; the rule under it runs on to the anchor, and the row is taken from the
    /// label to the anchor.
    /// </summary>
    /// <param name="Id">Event id.</param>
    /// <param name="Anchor">x of the event.</param>
    /// <param name="Row">Row from 0 (next to the plot) upward.</param>
    /// <param name="Left">x of the label's left edge.</param>
    /// <param name="Width">Width of the label text.</param>
    public readonly record struct Placement(string Id, double Anchor, int Row, double Left, double Width)
    {
        /// <summary>x of the label's right edge.</summary>
        public double Right => Left + Width;

        /// <summary>Left end of what the label takes in its row: the label and the rule out to its anchor.</summary>
        public double SpanLeft => Math.Min(Left, Anchor);

        /// <summary>Right end of what the label takes in its row.</summary>
        public double SpanRight => Math.Max(Right, Anchor);
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
            var chosen = best.Candidate.Id is not null ? best.Candidate : Shifted(request, placed, rows, minX, maxX, gap);
            if (chosen is { } placement)
            {
                placed.Add(placement);
            }
        }

        return placed;
    }

    // A label that fits nowhere over its event, moved sideways by the least distance that fits, in
    // the lowest row where that distance is found; at most the label's own width plus four gaps away,
    // so that the rule joining it to its leader stays short enough to follow.
    private static Placement? Shifted(Request request, List<Placement> placed, int rows, double minX, double maxX, double gap)
    {
        double reach = request.Width + (4 * gap);
        double step = gap / 2;
        for (double shift = step; shift <= reach; shift += step)
        {
            for (int row = 0; row < rows; row++)
            {
                // Right of the event, starting past its line, or left of it, ending before it.
                foreach (double left in new[] { request.Anchor + shift, request.Anchor - request.Width - shift })
                {
                    if (left < minX || left + request.Width > maxX)
                    {
                        continue;
                    }

                    var candidate = new Placement(request.Id, request.Anchor, row, left, request.Width);
                    if (placed.All(p => Compatible(p, candidate, gap)))
                    {
                        return candidate;
                    }
                }
            }
        }

        return null;
    }

    private static bool Compatible(Placement a, Placement b, double gap)
    {
        if (a.Row == b.Row)
        {
            return b.SpanLeft >= a.SpanRight + gap || b.SpanRight + gap <= a.SpanLeft;
        }

        // The leader of the higher label runs down through the lower rows.
        var (low, high) = a.Row < b.Row ? (a, b) : (b, a);
        double margin = gap / 2;
        return high.Anchor < low.SpanLeft - margin || high.Anchor > low.SpanRight + margin;
    }
}
