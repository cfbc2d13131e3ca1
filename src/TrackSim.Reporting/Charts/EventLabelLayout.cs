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
        var best = Better(Greedy(queue, rows, minX, maxX, gap, liftOverBlocked: false), Greedy(queue, rows, minX, maxX, gap, liftOverBlocked: true));
        if (best.Count < queue.Count)
        {
            // Where priority order leaves labels out, a dense cluster may still fit placed from left
            // to right (an early label's leader then runs beside the later ones, not through them).
            var byPlace = queue.OrderBy(r => r.Anchor).ToList();
            best = Better(best, Better(Greedy(byPlace, rows, minX, maxX, gap, liftOverBlocked: false), Greedy(byPlace, rows, minX, maxX, gap, liftOverBlocked: true)));
        }

        return best;
    }

    // The placement with more labels, then fewer rows; the first on a tie.
    private static List<Placement> Better(List<Placement> first, List<Placement> second) =>
        second.Count > first.Count || (second.Count == first.Count && Rows(second) < Rows(first)) ? second : first;

    /// <summary>
    /// Whether <paramref name="placed"/>, repeated <paramref name="copies"/> times each
    /// <paramref name="pitch"/> further right (over the columns of a grid), keeps every label clear
    /// of the labels and leaders of the other copies.
    /// </summary>
    public static bool Repeatable(IReadOnlyList<Placement> placed, double pitch, int copies, double gap)
    {
        ArgumentNullException.ThrowIfNull(placed);
        var all = Enumerable.Range(0, copies)
            .SelectMany(c => placed.Select(p => (Copy: c, Label: p with { Anchor = p.Anchor + (c * pitch), Left = p.Left + (c * pitch) })))
            .ToList();
        return all.All(a => all.Where(b => b.Copy > a.Copy).All(b => Compatible(a.Label, b.Label, gap)));
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

    // A label that fits nowhere over its event, moved sideways from its centred place by the least
    // distance that fits, in the lowest row where that distance is found; at most the label's own
    // width plus four gaps beside its event, so that the rule joining it to its leader stays short.
    private static Placement? Shifted(Request request, List<Placement> placed, int rows, double minX, double maxX, double gap)
    {
        double reach = request.Width + (4 * gap);
        double step = gap / 2;
        double centred = request.Anchor - (request.Width / 2);
        for (double shift = step; shift <= (request.Width / 2) + reach; shift += step)
        {
            for (int row = 0; row < rows; row++)
            {
                // Right of the centred place, then left of it: first still over the event, then beside it.
                foreach (double left in new[] { centred + shift, centred - shift })
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
