using TrackSim.Experiments.Analysis;

namespace TrackSim.Tests.Experiments.Analysis;

public sealed class GridTests
{
    [Test]
    public void Grid_holds_every_combination_of_levels_once()
    {
        var design = Grid.Create([new("a", 0, 1, 3), new("b", 10, 20, 2), new("c", -1, 1, 4)]);
        var distinct = design.Points.Select(p => string.Join(",", p)).Distinct().Count();
        Assert.Multiple(() =>
        {
            Assert.That(design.Points, Has.Length.EqualTo(3 * 2 * 4));
            Assert.That(distinct, Is.EqualTo(24));
            Assert.That(design.Kind, Is.EqualTo("grid"));
        });
    }

    [Test]
    public void Grid_levels_are_equally_spaced_and_include_both_endpoints_exactly()
    {
        var design = Grid.Create([new("a", 0.1, 0.7, 4)]);
        double[] expected = [0.1, 0.3, 0.5, 0.7];
        Assert.That(design.Levels[0], Is.EqualTo(expected).Within(1e-15));
        Assert.Multiple(() =>
        {
            Assert.That(design.Levels[0][0], Is.EqualTo(0.1), "low end exact");
            Assert.That(design.Levels[0][3], Is.EqualTo(0.7), "high end exact");
        });
    }

    [Test]
    public void Grid_varies_the_last_parameter_fastest()
    {
        var design = Grid.Create([new("a", 0, 1, 2), new("b", 0, 2, 3)]);
        double[][] expected = [[0, 0], [0, 1], [0, 2], [1, 0], [1, 1], [1, 2]];
        Assert.That(design.Points.Select(p => p.ToArray()), Is.EqualTo(expected));
    }

    [Test]
    public void Ranges_without_a_count_use_the_default_of_five_levels()
    {
        var design = Grid.Create([new("a", 0, 1), new("b", 0, 1, 2)]);
        Assert.Multiple(() =>
        {
            Assert.That(design.Levels[0], Is.EqualTo(new[] { 0, 0.25, 0.5, 0.75, 1 }));
            Assert.That(design.Points, Has.Length.EqualTo(10));
        });
    }

    [Test]
    public void Index_of_level_indices_finds_the_point_with_those_levels()
    {
        var design = Grid.Create([new("a", 0, 1, 3), new("b", 0, 1, 5)]);
        int index = design.IndexOf([2, 1]);
        Assert.That(design.Points[index].ToArray(), Is.EqualTo(new[] { design.Levels[0][2], design.Levels[1][1] }));
    }

    [Test]
    public void A_range_that_is_a_point_contributes_one_level()
    {
        var design = Grid.Create([new("a", 0, 1, 3), new("b", 7, 7, 1)]);
        double[] expected = [7, 7, 7];
        Assert.That(design.Points.Select(p => p[1]), Is.EqualTo(expected));
    }

    [Test]
    public void A_parameter_given_twice_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Grid.Create([new("a", 0, 1), new("a", 0, 2)]));
        Assert.That(error!.Message, Does.Contain("'a'"));
    }

    [Test]
    public void A_grid_too_large_to_hold_is_refused_before_it_is_built()
    {
        ParameterRange[] ranges = [.. Enumerable.Range(0, 8).Select(i => new ParameterRange($"p{i}", 0, 1, 100))];
        Assert.Throws<ArgumentException>(() => Grid.Create(ranges));
    }
}
