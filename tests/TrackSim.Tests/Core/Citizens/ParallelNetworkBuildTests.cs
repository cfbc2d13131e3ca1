using NUnit.Framework;
using TrackSim.Core.Citizens;
using TrackSim.Core.Domain;
using TrackSim.Core.Randomness;

namespace TrackSim.Tests.Core.Citizens;

/// <summary>
/// The network built in blocks on several threads: the same arrays on any number of threads,
/// and the model's properties on networks large enough to span many blocks (small-world blocks
/// hold 16,384 owners, random-network blocks 65,536 ties, sorting blocks 65,536 rows).
/// </summary>
public sealed class ParallelNetworkBuildTests
{
    // Two states of 40,000 citizens with 10 ties each: 400,000 ties, three small-world blocks per
    // state and two sorting blocks in all, so every seam between blocks is crossed.
    private const int PerState = 40_000;
    private const int States = 2;
    private const int Degree = 10;
    private const double Rewiring = 0.1;
    private const double Cross = 0.02;

    private static IEnumerable<TestCaseData> BothKinds()
    {
        yield return new TestCaseData(NetworkKind.SmallWorld).SetArgDisplayNames("small world");
        yield return new TestCaseData(NetworkKind.Random).SetArgDisplayNames("random");
    }

    private static SocialNetwork Build(NetworkKind kind, int threads, int perState = PerState, int states = States, ulong seed = 5) =>
        SocialNetwork.Build(new NetworkSpec(kind, Degree, Rewiring, Cross), perState, states, new Xoshiro256(seed), threads);

    [TestCaseSource(nameof(BothKinds))]
    public void The_network_is_the_same_on_one_two_and_three_threads(NetworkKind kind)
    {
        var one = Build(kind, threads: 1);
        foreach (int threads in (int[])[2, 3, 0])
        {
            var other = Build(kind, threads);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(other.Offsets, Is.EqualTo(one.Offsets), $"{threads} threads");
                Assert.That(other.Targets.AsSpan(0, other.Offsets[^1]).SequenceEqual(one.Targets.AsSpan(0, one.Offsets[^1])), Is.True, $"{threads} threads");
            }
        }
    }

    [TestCaseSource(nameof(BothKinds))]
    public void Rows_are_sorted_symmetric_and_without_self_ties_or_repeats_across_blocks(NetworkKind kind)
    {
        var network = Build(kind, threads: 2, states: 3);
        Assert.That(Problems(network), Is.Zero);
    }

    [Test]
    public void Without_moves_the_small_world_is_the_ring_lattice_across_block_seams()
    {
        var network = SocialNetwork.SmallWorld(PerState, States, Degree, 0, 0, new Xoshiro256(5), threads: 2);
        Assert.That(LatticeMismatches(network, Degree / 2), Is.Zero);
    }

    [Test]
    public void A_degree_beyond_the_cached_fates_gives_the_same_lattice_and_keeps_its_ties()
    {
        // k / 2 = 70 > 64: the fates of the ties from the left are drawn again rather than cached.
        const int wide = 140;
        var lattice = SocialNetwork.SmallWorld(20_000, 2, wide, 0, 0, new Xoshiro256(5), threads: 2);
        var moved = SocialNetwork.SmallWorld(20_000, 2, wide, Rewiring, Cross, new Xoshiro256(5), threads: 2);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(LatticeMismatches(lattice, wide / 2), Is.Zero);
            Assert.That(Problems(moved), Is.Zero);

            // 2.8 million ties, of which a few moved ones repeat; the mean degree stays 140.
            Assert.That(moved.MeanDegree, Is.EqualTo(wide).Within(0.01));
        }
    }

    [Test]
    public void The_small_world_moves_the_set_shares_of_ties_within_and_across()
    {
        var network = Build(NetworkKind.SmallWorld, threads: 2);
        long ends = network.Offsets[network.Count];
        long across = 0;
        long rewired = 0;
        for (int u = 0; u < network.Count; u++)
        {
            foreach (int v in network.Neighbours(u))
            {
                if (network.IsCrossBorder(u, v))
                {
                    across++;
                }
                else
                {
                    // A rewired tie lands outside the lattice neighbourhood, a kept one inside.
                    int d = Math.Abs(u - v);
                    rewired += Math.Min(d, PerState - d) > Degree / 2 ? 1 : 0;
                }
            }
        }

        using (Assert.EnterMultipleScope())
        {
            // Every tie is kept; only a moved tie that repeats another is merged (a handful in 400,000).
            Assert.That(network.MeanDegree, Is.EqualTo(Degree).Within(0.001));

            // 400,000 ties: binomial SDs 0.0002 (share 0.02) and 0.0005 (share 0.98 * 0.1 = 0.098); about 6 SDs.
            Assert.That((double)across / ends, Is.EqualTo(Cross).Within(0.0015));
            Assert.That((double)rewired / ends, Is.EqualTo((1 - Cross) * Rewiring).Within(0.003));
        }
    }

    [Test]
    public void The_random_network_keeps_the_degree_its_spread_and_the_cross_border_share()
    {
        var network = Build(NetworkKind.Random, threads: 2);
        double mean = network.MeanDegree;
        double variance = Enumerable.Range(0, network.Count).Average(i => Math.Pow(network.Degree(i) - mean, 2));
        long ends = network.Offsets[network.Count];
        long across = 0;
        for (int u = 0; u < network.Count; u++)
        {
            foreach (int v in network.Neighbours(u))
            {
                across += network.IsCrossBorder(u, v) ? 1 : 0;
            }
        }

        using (Assert.EnterMultipleScope())
        {
            // About 25 repeated pairs per state are merged (196,000 ties among 8e8 pairs), -0.001 on the mean.
            Assert.That(mean, Is.EqualTo(Degree).Within(0.005));
            Assert.That(ends, Is.LessThan((long)PerState * States * Degree), "repeats are merged across the sorting blocks");

            // Binomial degrees, close to Poisson: variance near the mean (SD of the sample variance about 0.05).
            Assert.That(variance, Is.EqualTo(Degree).Within(0.3));

            // 400,000 ties: binomial SD 0.0002.
            Assert.That((double)across / ends, Is.EqualTo(Cross).Within(0.0015));
        }
    }

    [Test]
    public void Listed_ties_repeated_in_many_rows_are_merged_across_sorting_blocks()
    {
        // A path over 200,000 citizens (four sorting blocks), every tenth tie listed twice.
        const int count = 200_000;
        var ties = Enumerable.Range(0, count - 1).SelectMany(i => i % 10 == 0 ? new[] { (i, i + 1), (i + 1, i) } : new[] { (i, i + 1) });
        var network = SocialNetwork.FromTies(count / 2, 2, ties);
        int wrong = 0;
        for (int u = 0; u < count; u++)
        {
            int[] expected = [.. new[] { u - 1, u + 1 }.Where(v => v >= 0 && v < count)];
            wrong += network.Neighbours(u).SequenceEqual(expected) ? 0 : 1;
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(wrong, Is.Zero);
            Assert.That(network.TieCount, Is.EqualTo(count - 1));
        }
    }

    /// <summary>Rows that are not sorted, hold a self-tie or a repeat, or a tie missing from the other end's row.</summary>
    private static int Problems(SocialNetwork network)
    {
        int problems = 0;
        for (int u = 0; u < network.Count; u++)
        {
            var row = network.Neighbours(u);
            for (int i = 0; i < row.Length; i++)
            {
                int v = row[i];
                bool bad = v == u || (i > 0 && row[i - 1] >= v) || network.Neighbours(v).BinarySearch(u) < 0;
                problems += bad ? 1 : 0;
            }
        }

        return problems;
    }

    /// <summary>Rows that differ from the ring lattice with <paramref name="half"/> neighbours on either side in each state.</summary>
    private static int LatticeMismatches(SocialNetwork network, int half)
    {
        int perState = network.PerState;
        int wrong = 0;
        for (int u = 0; u < network.Count; u++)
        {
            int start = u / perState * perState;
            int local = u - start;
            var expected = Enumerable.Range(1, half)
                .SelectMany(j => new[] { start + ((local + j) % perState), start + ((local - j + perState) % perState) })
                .Order()
                .ToArray();
            wrong += network.Neighbours(u).SequenceEqual(expected) ? 0 : 1;
        }

        return wrong;
    }
}
