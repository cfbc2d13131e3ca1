using TrackSim.Reporting.Charts;

namespace TrackSim.Tests.Reporting;

[TestFixture]
public sealed class EventLabelLayoutTests
{
    private const double Gap = 4;

    private static readonly string[] FirstThree = ["e0", "e1", "e2"];

    [Test]
    public void Labels_far_apart_all_sit_in_the_first_row_centred_on_their_events()
    {
        var requests = new[] { Request("a", 50, 30), Request("b", 150, 30), Request("c", 250, 30) };

        var placed = EventLabelLayout.Place(requests, rows: 3, minX: 0, maxX: 300, Gap);

        Assert.That(placed.Select(p => (p.Id, p.Row, p.Left)), Is.EqualTo(new[] { ("a", 0, 35.0), ("b", 0, 135.0), ("c", 0, 235.0) }));
    }

    [Test]
    public void Crowded_labels_never_overlap_and_never_cover_a_leader_from_a_higher_row()
    {
        // Forty events in 300 points: far more than fit, from a fixed seed.
        var random = new Random(20240501);
        var requests = Enumerable.Range(0, 40).Select(i => Request($"e{i}", random.NextDouble() * 300, 20 + (random.NextDouble() * 40))).ToList();

        var placed = EventLabelLayout.Place(requests, rows: 3, minX: 0, maxX: 300, Gap);

        Assert.That(placed, Is.Not.Empty);
        foreach (var a in placed)
        {
            Assert.That(a.Left, Is.GreaterThanOrEqualTo(0));
            Assert.That(a.Right, Is.LessThanOrEqualTo(300));
            Assert.That(a.Row, Is.InRange(0, 2));
            foreach (var b in placed.Where(b => b.Id != a.Id))
            {
                if (a.Row == b.Row)
                {
                    Assert.That(b.Left >= a.Right + Gap || b.Right + Gap <= a.Left, Is.True, $"{a} overlaps {b}");
                }
                else if (a.Row < b.Row)
                {
                    Assert.That(b.Anchor < a.Left || b.Anchor > a.Right, Is.True, $"the leader of {b} crosses {a}");
                }
            }
        }
    }

    [Test]
    public void Crowded_labels_are_thinned_in_priority_order()
    {
        // All at the same place: only one row each, so the first three requested win.
        var requests = Enumerable.Range(0, 6).Select(i => Request($"e{i}", 100, 50)).ToList();

        var placed = EventLabelLayout.Place(requests, rows: 3, minX: 0, maxX: 300, Gap);

        Assert.That(placed.Select(p => p.Id), Is.SubsetOf(FirstThree));
        Assert.That(placed.Select(p => p.Id), Does.Contain("e0"));
    }

    [Test]
    public void A_label_near_the_edge_stays_inside_the_figure()
    {
        var placed = EventLabelLayout.Place([Request("late", 298, 60)], rows: 1, minX: 5, maxX: 300, Gap);

        Assert.That(placed.Single().Right, Is.LessThanOrEqualTo(300));
        Assert.That(placed.Single().Left, Is.EqualTo(240));
    }

    [Test]
    public void A_label_wider_than_the_figure_is_left_out()
    {
        Assert.That(EventLabelLayout.Place([Request("long", 100, 400)], rows: 2, minX: 0, maxX: 300, Gap), Is.Empty);
    }

    private static EventLabelLayout.Request Request(string id, double anchor, double width) => new(id, anchor, width);
}
