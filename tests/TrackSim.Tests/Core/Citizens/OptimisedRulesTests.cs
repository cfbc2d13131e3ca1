using NUnit.Framework;
using TrackSim.Core.Citizens;
using TrackSim.Core.Randomness;

namespace TrackSim.Tests.Core.Citizens;

/// <summary>
/// The citizen rules that work on several citizens at a time give the same bits as
/// <see cref="StraightforwardRules"/>. Populations of 1,037 citizens a state leave a remainder
/// after every vector width, and the trust values include the edges 0, -0 and 1, values the
/// clamp has to catch and tiny ones.
/// </summary>
public sealed class OptimisedRulesTests
{
    private const int PerState = 1_037;

    private static readonly double[] Shifts = [-0.3, 0.45, 0];
    private static readonly double[] Links = [0.8, 0.0, 2.5];
    private static readonly double[] Pushes = [0.2, -0.35, 0];

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Media_equals_the_straightforward_rule(int states)
    {
        // Shifts large enough to push some citizens past 0 and 1, and one state left alone.
        double[] delta = [.. Shifts.Take(states)];
        var (optimised, straightforward) = Pair(states);

        Media.Apply(optimised, delta);
        StraightforwardRules.Media(straightforward, delta);

        Assert.That(Bits(optimised.Trust), Is.EqualTo(Bits(straightforward.Trust)));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Contact_equals_the_straightforward_rule(int states)
    {
        // A rate high enough that citizens with many ties reach the cap of one contact weight.
        double[] links = [.. Links.Take(states)];
        var (optimised, straightforward) = Pair(states);

        Contact.Apply(optimised, links, contactsPerYear: 40, dt: 1.0 / 12, effect: 0.2, negativeShare: 0.15, allportFactor: 0.6);
        StraightforwardRules.Contact(straightforward, links, 40, 1.0 / 12, 0.2, 0.15, 0.6);

        Assert.That(Bits(optimised.Trust), Is.EqualTo(Bits(straightforward.Trust)));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Outreach_equals_the_straightforward_rule(int states)
    {
        double[] push = [.. Pushes.Take(states)];
        var (optimised, straightforward) = Pair(states);

        Outreach.Apply(optimised, push);
        StraightforwardRules.Outreach(straightforward, push);

        Assert.That(Bits(optimised.Trust), Is.EqualTo(Bits(straightforward.Trust)));
    }

    [TestCase(1, 0.02, true)]
    [TestCase(3, 0.02, true)]
    [TestCase(2, 0.6, true)]
    [TestCase(2, 0.6, false)]
    public void Noise_equals_the_straightforward_rule(int states, double sigma, bool vectors)
    {
        // A sigma of 0.6 pushes many citizens past 0 and 1, so the clamp is exercised; without
        // vectors the scalar loop that takes the remainders is checked on its own.
        var (optimised, straightforward) = Pair(states);
        bool before = OpinionNoise.VectorsEnabled;
        try
        {
            OpinionNoise.VectorsEnabled = vectors && before;
            OpinionNoise.Apply(optimised, sigma, seed: 17, step: 5);
        }
        finally
        {
            OpinionNoise.VectorsEnabled = before;
        }

        StraightforwardRules.Noise(straightforward, sigma, seed: 17, step: 5);

        Assert.That(Bits(optimised.Trust), Is.EqualTo(Bits(straightforward.Trust)));
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Noise_with_a_sigma_per_state_equals_the_straightforward_rule(bool vectors)
    {
        // Three states, one without noise: the vector loop stops at each state's end and its
        // remainder goes to the scalar loop, which must give the bits of the plain rule.
        double[] sigma = [0.6, 0, 0.02];
        var (optimised, straightforward) = Pair(3);
        float[] start = (float[])optimised.Trust.Clone();
        bool before = OpinionNoise.VectorsEnabled;
        try
        {
            OpinionNoise.VectorsEnabled = vectors && before;
            OpinionNoise.Apply(optimised, sigma, seed: 19, step: 6);
        }
        finally
        {
            OpinionNoise.VectorsEnabled = before;
        }

        StraightforwardRules.Noise(straightforward, sigma, seed: 19, step: 6);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Bits(optimised.Trust), Is.EqualTo(Bits(straightforward.Trust)));
            Assert.That(Bits(optimised.Trust[PerState..(2 * PerState)]), Is.EqualTo(Bits(start[PerState..(2 * PerState)])));
        }
    }

    [Test]
    public void Noise_with_the_same_sigma_for_every_state_gives_the_bits_of_one_sigma()
    {
        var (perState, one) = Pair(3);

        OpinionNoise.Apply(perState, [0.3, 0.3, 0.3], seed: 21, step: 2);
        OpinionNoise.Apply(one, 0.3, seed: 21, step: 2);

        Assert.That(Bits(perState.Trust), Is.EqualTo(Bits(one.Trust)));
    }

    [Test]
    public void Contact_with_a_rate_and_effect_per_state_equals_the_straightforward_rule()
    {
        double[] links = [0.8, 0.0, 2.5];
        double[] rates = [40, 2, 0];
        double[] effects = [0.2, 0.5, 0.3];
        var (optimised, straightforward) = Pair(3);

        Contact.Apply(optimised, links, rates, 1.0 / 12, effects, negativeShare: 0.15, allportFactor: 0.6);
        StraightforwardRules.Contact(straightforward, links, rates, 1.0 / 12, effects, 0.15, 0.6);

        Assert.That(Bits(optimised.Trust), Is.EqualTo(Bits(straightforward.Trust)));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    public void Metrics_equal_the_straightforward_sums(int states)
    {
        var (population, _) = Pair(states);
        double[] mean = new double[states], sd = new double[states], hostile = new double[states];
        double[] mean0 = new double[states], sd0 = new double[states], hostile0 = new double[states];

        CitizenMetrics.Compute(population, mean, sd, hostile);
        StraightforwardRules.Metrics(population, mean0, sd0, hostile0);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(mean, Is.EqualTo(mean0));
            Assert.That(sd, Is.EqualTo(sd0));
            Assert.That(hostile, Is.EqualTo(hostile0));
        }
    }

    /// <summary>Two identical populations: trust spread over [0,1] with its edges, exposure, tie counts and the shared language drawn.</summary>
    private static (CitizenPopulation, CitizenPopulation) Pair(int states)
    {
        var first = new CitizenPopulation(PerState, states);
        var rng = new Xoshiro256((ulong)states);
        float[] edges = [0f, -0f, 1f, 1e-30f, 0.999999f, float.Epsilon];
        for (int i = 0; i < first.Count; i++)
        {
            first.Trust[i] = i % 50 < edges.Length ? edges[i % 50] : (float)rng.NextDouble();
            first.Exposure[i] = (float)rng.NextDouble();
            first.ActiveCrossBorderTies[i] = (ushort)rng.Next(0, 40);
            first.Flags[i] = rng.NextDouble() < 0.3 ? (byte)CitizenTraits.SharedLanguage : (byte)0;
        }

        var second = new CitizenPopulation(PerState, states);
        first.Trust.CopyTo(second.Trust, 0);
        first.Exposure.CopyTo(second.Exposure, 0);
        first.ActiveCrossBorderTies.CopyTo(second.ActiveCrossBorderTies, 0);
        first.Flags.CopyTo(second.Flags, 0);
        return (first, second);
    }

    private static int[] Bits(float[] values) => [.. values.Select(BitConverter.SingleToInt32Bits)];
}
