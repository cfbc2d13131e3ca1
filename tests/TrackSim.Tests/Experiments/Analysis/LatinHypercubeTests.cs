using TrackSim.Experiments.Analysis;

namespace TrackSim.Tests.Experiments.Analysis;

public sealed class LatinHypercubeTests
{
    private static readonly ParameterRange[] Ranges = [new("a", 0, 1), new("b", -5, 5), new("c", 100, 300)];

    [TestCase(1)]
    [TestCase(7)]
    [TestCase(100)]
    public void Each_stratum_of_each_parameter_holds_exactly_one_point(int samples)
    {
        var design = LatinHypercube.Create(Ranges, samples, seed: 42);
        Assert.That(design.Points, Has.Length.EqualTo(samples));
        for (int i = 0; i < Ranges.Length; i++)
        {
            var range = Ranges[i];
            var strata = design.Points.Select(p => (int)Math.Floor((p[i] - range.Low) / range.Width * samples)).OrderBy(s => s);
            Assert.That(strata, Is.EqualTo(Enumerable.Range(0, samples)), $"parameter {range.Path}");
        }
    }

    [Test]
    public void The_same_seed_gives_the_same_points_and_another_seed_other_points()
    {
        var first = LatinHypercube.Create(Ranges, 20, seed: 9);
        var again = LatinHypercube.Create(Ranges, 20, seed: 9);
        var other = LatinHypercube.Create(Ranges, 20, seed: 10);
        Assert.Multiple(() =>
        {
            Assert.That(again.Points.SelectMany(p => p), Is.EqualTo(first.Points.SelectMany(p => p)));
            Assert.That(other.Points.SelectMany(p => p), Is.Not.EqualTo(first.Points.SelectMany(p => p)));
            Assert.That(first.Seed, Is.EqualTo(9UL));
            Assert.That(first.Kind, Is.EqualTo("lhs"));
        });
    }

    [Test]
    public void Strata_are_matched_across_parameters_at_random_not_along_the_diagonal()
    {
        // With 50 points, identical stratum orders in two parameters would happen by chance with
        // probability 1/50!; seeing it would mean the permutations are not independent.
        var design = LatinHypercube.Create(Ranges, 50, seed: 3);
        var order0 = design.Points.Select(p => p[0]).ToArray();
        var order1 = design.Points.Select(p => p[1]).ToArray();
        int[] rank0 = [.. Enumerable.Range(0, 50).OrderBy(j => order0[j])];
        int[] rank1 = [.. Enumerable.Range(0, 50).OrderBy(j => order1[j])];
        Assert.That(rank1, Is.Not.EqualTo(rank0));
    }
}
