using NUnit.Framework;
using TrackSim.Core.Citizens;

namespace TrackSim.Tests.Core.Citizens;

/// <summary>
/// Property 2 of the design: the citizen layer alone reproduces the bounded-confidence results
/// of Deffuant, Neau, Amblard and Weisbuch (2000). From uniform opinions under full mixing the
/// number of opinion clusters is about <c>floor(1 / (2 epsilon))</c>, with consensus for
/// <c>epsilon &gt;= 0.5</c>.
/// </summary>
/// <remarks>
/// 10,000 citizens (Deffuant et al. used 1,000) make each major cluster thousands strong, so
/// its position is not a small-sample accident, and the 1% floor for counting a cluster (the
/// literature's minor clusters, often a handful of agents stranded between two major ones) is
/// 100 citizens. 300 rounds are 300 interactions per citizen, 3 million in all: clusters form
/// within about 30 rounds at mu = 0.5 and afterwards only shrink, each round roughly halving a
/// cluster's spread, so by round 300 the major clusters have settled. The tests check that they
/// are final: neighbouring major clusters are at least epsilon apart, so they can never again
/// influence each other. (A small cluster still shrinks slowly under full mixing, because its
/// members rarely draw one another; that does not change the count.) A run takes a few tenths
/// of a second.
/// </remarks>
public sealed class BoundedConfidenceTests
{
    private const int Citizens = 10_000;
    private const int Rounds = 300;
    private const double Mu = 0.5;
    private const double Gap = 0.01;
    private const double MinorShare = 0.01;

    [TestCase(0.15, 3)]
    [TestCase(0.2, 2)]
    [TestCase(0.25, 2)]
    public void Uniform_opinions_split_into_one_cluster_per_two_epsilon(double epsilon, int expected)
    {
        Assert.That(expected, Is.EqualTo((int)Math.Floor(1 / (2 * epsilon))));
        for (ulong seed = 1; seed <= 3; seed++)
        {
            var major = Run(epsilon, seed);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(major, Has.Count.EqualTo(expected), Describe(major));
                Assert.That(ClosestCentres(major), Is.GreaterThanOrEqualTo(epsilon), "major clusters are final");
            }
        }
    }

    [TestCase(1UL)]
    [TestCase(2UL)]
    [TestCase(3UL)]
    public void At_epsilon_one_tenth_the_cluster_count_is_five_or_one_fewer(ulong seed)
    {
        // floor(1 / (2 * 0.1)) = 5 is the rule of thumb; in the mean-field analysis of Ben-Naim,
        // Krapivsky and Redner (2003, Physica D 183) major clusters end up a little more than
        // 2 epsilon apart, so near epsilon = 0.1 a run has 5 or 4 major clusters depending on
        // where the first ones nucleate (seeds 1 to 5 give 5, 4, 5, 5, 4).
        var major = Run(0.1, seed);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(major, Has.Count.InRange(4, 5), Describe(major));
            Assert.That(ClosestCentres(major), Is.GreaterThanOrEqualTo(0.1), "major clusters are final");
        }
    }

    [TestCase(0.5)]
    [TestCase(0.7)]
    [TestCase(1.0)]
    public void A_bound_of_one_half_or_more_gives_consensus(double epsilon)
    {
        var population = CitizenTestData.Uniform(Citizens, 1, seed: 1);
        SocialInfluence.Step(population, SocialNetwork.WellMixed(Citizens, 1), epsilon, Mu, Rounds, seed: 1, step: 0);

        // Not just one major cluster: every single citizen has joined it, near the middle.
        var clusters = CitizenTestData.Clusters(population.Trust, Gap);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(clusters, Has.Count.EqualTo(1), Describe(clusters));

            // The synchronous update keeps the mean only on average; 0.5 +- 0.05 allows for drift.
            Assert.That(clusters[0].Centre, Is.EqualTo(0.5).Within(0.05));
        }
    }

    private static List<(double Centre, int Size)> Run(double epsilon, ulong seed)
    {
        var population = CitizenTestData.Uniform(Citizens, 1, seed);
        SocialInfluence.Step(population, SocialNetwork.WellMixed(Citizens, 1), epsilon, Mu, Rounds, seed, step: 0);
        return CitizenTestData.Clusters(population.Trust, Gap).Where(c => c.Size >= MinorShare * Citizens).ToList();
    }

    private static double ClosestCentres(List<(double Centre, int Size)> clusters) =>
        clusters.Count < 2 ? double.PositiveInfinity : clusters.Zip(clusters.Skip(1), (a, b) => b.Centre - a.Centre).Min();

    private static string Describe(List<(double Centre, int Size)> clusters) =>
        string.Join(", ", clusters.Select(c => FormattableString.Invariant($"{c.Centre:F3} ({c.Size})")));
}
