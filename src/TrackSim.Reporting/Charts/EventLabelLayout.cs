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
            var later = queue.Skip(i + 1).Select(r => r.Anchor).ToList();
            for (int row = 0; row < rows; row++)
            {
                // In the lowest row with room, the position that covers the fewest events still to place,
                // so their leaders can pass to a higher row.
                var best = lefts
                    .Select(left => new Placement(request.Id, request.Anchor, row, Math.Clamp(left, minX, maxX - request.Width), request.Width))
                    .Where(candidate => placed.All(p => Compatible(p, candidate, gap)))
                    .Select((candidate, order) => (Candidate: candidate, Covered: later.Count(x => x >= candidate.Left - gap && x <= candidate.Right + gap), Order: order))
                    .OrderBy(c => c.Covered)
                    .ThenBy(c => c.Order)
                    .FirstOrDefault();
                if (best.Candidate.Id is not null)
                {
                    placed.Add(best.Candidate);
                    break;
                }
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
