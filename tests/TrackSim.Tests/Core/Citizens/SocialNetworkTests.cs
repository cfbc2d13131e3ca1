using NUnit.Framework;
using TrackSim.Core.Citizens;
using TrackSim.Core.Domain;
using TrackSim.Core.Randomness;

namespace TrackSim.Tests.Core.Citizens;

public sealed class SocialNetworkTests
{
    // Two states of 2,000 citizens with 10 ties each: 20,000 ties, enough that shares drawn tie
    // by tie have a binomial SD of about 0.002, so the tolerances below are several SDs wide.
    private const int PerState = 2000;
    private const int States = 2;

    private static SocialNetwork SmallWorld(ulong seed = 1, double rewiring = 0.1, double cross = 0.1, int degree = 10) =>
        SocialNetwork.SmallWorld(PerState, States, degree, rewiring, cross, new Xoshiro256(seed));

    private static SocialNetwork Random(ulong seed = 1, double cross = 0.1) =>
        SocialNetwork.ErdosRenyi(PerState, States, 10, cross, new Xoshiro256(seed));

    private static IEnumerable<TestCaseData> BothKinds()
    {
        yield return new TestCaseData(NetworkKind.SmallWorld).SetArgDisplayNames("small world");
        yield return new TestCaseData(NetworkKind.Random).SetArgDisplayNames("random");
    }

    private static SocialNetwork Of(NetworkKind kind, ulong seed = 1, double cross = 0.1) =>
        kind == NetworkKind.SmallWorld ? SmallWorld(seed, cross: cross) : Random(seed, cross);

    [Test]
    public void Small_world_keeps_the_mean_degree()
    {
        // Rewiring and cross-border moves keep every tie; only the rare repeated tie is merged.
        Assert.That(SmallWorld().MeanDegree, Is.EqualTo(10).Within(0.01));
    }

    [Test]
    public void Random_network_has_the_mean_degree_and_a_poisson_like_spread()
    {
        var network = Random();
        double mean = network.MeanDegree;
        double variance = Enumerable.Range(0, network.Count).Average(i => Math.Pow(network.Degree(i) - mean, 2));
        using (Assert.EnterMultipleScope())
        {
            // About 25 repeated pairs per state are merged, lowering the mean by about 0.01.
            Assert.That(mean, Is.EqualTo(10).Within(0.05));

            // Degrees are binomial, close to Poisson: variance near the mean (SD of the sample variance about 0.3).
            Assert.That(variance, Is.InRange(8.5, 11.5));
        }
    }

    [Test]
    public void Small_world_rounds_an_odd_degree_down_to_even()
    {
        var network = SmallWorld(rewiring: 0, cross: 0, degree: 7);
        Assert.That(Enumerable.Range(0, network.Count).Select(network.Degree).Distinct(), Is.EqualTo((int[])[6]));
    }

    [Test]
    public void Small_world_without_rewiring_is_a_ring_lattice_in_each_state()
    {
        var network = SmallWorld(rewiring: 0, cross: 0, degree: 4);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(network.Neighbours(0).ToArray(), Is.EqualTo((int[])[1, 2, PerState - 2, PerState - 1]));
            Assert.That(network.Neighbours(PerState + 10).ToArray(), Is.EqualTo((int[])[PerState + 8, PerState + 9, PerState + 11, PerState + 12]));
        }
    }

    [Test]
    public void Small_world_degree_is_capped_below_the_state_size()
    {
        // Five citizens can have at most four ties each: the network is complete.
        var network = SocialNetwork.SmallWorld(5, 1, 10, 0.5, 0, new Xoshiro256(3));
        Assert.That(Enumerable.Range(0, 5).Select(network.Degree), Is.All.EqualTo(4));
    }

    [TestCaseSource(nameof(BothKinds))]
    public void Ties_are_symmetric_sorted_and_without_self_ties_or_repeats(NetworkKind kind)
    {
        var network = Of(kind);
        int problems = 0;
        for (int i = 0; i < network.Count; i++)
        {
            var row = network.Neighbours(i);
            for (int e = 0; e < row.Length; e++)
            {
                int j = row[e];
                bool bad = j == i
                    || (e > 0 && row[e - 1] >= j)
                    || network.Neighbours(j).BinarySearch(i) < 0;
                problems += bad ? 1 : 0;
            }
        }

        Assert.That(problems, Is.Zero);
    }

    [TestCaseSource(nameof(BothKinds))]
    public void About_the_cross_border_share_of_ties_cross_the_border(NetworkKind kind)
    {
        var network = Of(kind, cross: 0.1);
        long crossEnds = 0;
        double shareSum = 0;
        for (int i = 0; i < network.Count; i++)
        {
            int across = 0;
            foreach (int j in network.Neighbours(i))
            {
                across += network.IsCrossBorder(i, j) ? 1 : 0;
            }

            crossEnds += across;
            shareSum += network.Degree(i) > 0 ? (double)across / network.Degree(i) : 0;
        }

        using (Assert.EnterMultipleScope())
        {
            // Binomial SD of the overall share is about 0.002.
            Assert.That((double)crossEnds / network.Offsets[network.Count], Is.EqualTo(0.1).Within(0.01));

            // The mean of each citizen's own share is a ratio of small counts; it sits near the target too.
            Assert.That(shareSum / network.Count, Is.EqualTo(0.1).Within(0.015));
        }
    }

    [TestCaseSource(nameof(BothKinds))]
    public void A_single_state_has_no_cross_border_ties(NetworkKind kind)
    {
        var network = kind == NetworkKind.SmallWorld
            ? SocialNetwork.SmallWorld(1000, 1, 10, 0.1, 0.5, new Xoshiro256(1))
            : SocialNetwork.ErdosRenyi(1000, 1, 10, 0.5, new Xoshiro256(1));
        Assert.That(network.Targets.Take(network.Offsets[^1]).Max(), Is.LessThan(1000));
    }

    [TestCaseSource(nameof(BothKinds))]
    public void The_same_seed_builds_the_same_network_and_another_seed_a_different_one(NetworkKind kind)
    {
        var first = Of(kind, seed: 42);
        var again = Of(kind, seed: 42);
        var other = Of(kind, seed: 43);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(again.Offsets, Is.EqualTo(first.Offsets));
            Assert.That(again.Targets, Is.EqualTo(first.Targets));
            Assert.That(other.Targets, Is.Not.EqualTo(first.Targets));
        }
    }

    [Test]
    public void Small_world_is_far_more_clustered_than_a_random_network()
    {
        double smallWorld = MeanClustering(SmallWorld(rewiring: 0.1, cross: 0.1));
        double random = MeanClustering(Random(cross: 0.1));
        using (Assert.EnterMultipleScope())
        {
            // Watts-Strogatz: C(p) = C(0) (1 - q)^3 with C(0) = 3(k - 2) / (4(k - 1)) = 0.667 and q the
            // share of ties moved (0.1 across + 0.9 * 0.1 within = 0.19): 0.667 * 0.81^3 = 0.354.
            Assert.That(smallWorld, Is.EqualTo(0.354).Within(0.03));

            // A random graph's clustering is about k / n = 10 / 2000 = 0.005.
            Assert.That(random, Is.LessThan(0.02));
        }
    }

    [Test]
    public void Well_mixed_network_stores_no_ties()
    {
        var network = SocialNetwork.Build(new NetworkSpec(NetworkKind.WellMixed, 10, 0.1, 0.1), PerState, States, new Xoshiro256(1));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(network.IsWellMixed, Is.True);
            Assert.That(network.TieCount, Is.Zero);
            Assert.That(network.Degree(5), Is.Zero);
            Assert.That(network.Neighbours(5).Length, Is.Zero);
            Assert.That(network.Count, Is.EqualTo(PerState * States));
        }
    }

    [Test]
    public void Build_follows_the_network_kind()
    {
        var spec = new NetworkSpec(NetworkKind.SmallWorld, 10, 0.1, 0.1);
        var built = SocialNetwork.Build(spec, PerState, States, new Xoshiro256(7));
        var direct = SocialNetwork.SmallWorld(PerState, States, 10, 0.1, 0.1, new Xoshiro256(7));
        Assert.That(built.Targets, Is.EqualTo(direct.Targets));
    }

    [Test]
    public void Listed_ties_are_stored_both_ways_and_merged_when_repeated()
    {
        var network = SocialNetwork.FromTies(2, 2, [(0, 1), (2, 0), (1, 0)]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(network.Neighbours(0).ToArray(), Is.EqualTo((int[])[1, 2]));
            Assert.That(network.Neighbours(1).ToArray(), Is.EqualTo((int[])[0]));
            Assert.That(network.Neighbours(2).ToArray(), Is.EqualTo((int[])[0]));
            Assert.That(network.Degree(3), Is.Zero);
            Assert.That(network.TieCount, Is.EqualTo(2));
            Assert.That(network.IsCrossBorder(0, 2), Is.True);
            Assert.That(network.IsCrossBorder(0, 1), Is.False);
        }
    }

    [Test]
    public void A_self_tie_is_refused()
    {
        Assert.That(() => SocialNetwork.FromTies(2, 1, [(1, 1)]), Throws.ArgumentException);
    }

    private static double MeanClustering(SocialNetwork network)
    {
        double sum = 0;
        for (int i = 0; i < network.Count; i++)
        {
            var row = network.Neighbours(i);
            if (row.Length < 2)
            {
                continue;
            }

            int links = 0;
            for (int a = 0; a < row.Length; a++)
            {
                var other = network.Neighbours(row[a]);
                for (int b = a + 1; b < row.Length; b++)
                {
                    links += other.BinarySearch(row[b]) >= 0 ? 1 : 0;
                }
            }

            sum += 2.0 * links / (row.Length * (row.Length - 1));
        }

        return sum / network.Count;
    }
}
