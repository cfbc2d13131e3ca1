using System.Runtime.Intrinsics;
using TrackSim.Core.Randomness;

namespace TrackSim.Core.Citizens;

/// <summary>
/// CIT-NOISE: idiosyncratic experience. Each step every citizen's trust moves by an independent
/// uniform draw with mean 0 and standard deviation <c>sigma · 2 sqrt(x (1 - x))</c>, clamped to
/// [0,1]: full <c>sigma</c> at 0.5, vanishing at 0 and 1, so the noise spreads opinions without
/// pushing the mean toward one half (noise of fixed size on a bounded scale would, through the clamp). Without it, bounded
/// confidence drives a public to a handful of tight clusters within a few years; with it,
/// opinions keep the spread that surveys show (Pineda, Toral and Hernández-García 2009, "Noisy
/// continuous-opinion dynamics", Journal of Statistical Mechanics P08001).
/// </summary>
/// <remarks>
/// The draw for citizen <c>i</c> in step <c>k</c> is <c>(2 u - 1) sqrt(3) sigma</c> with
/// <c>u = ToUnit(Combine(Combine(seed, k), i))</c>, times <c>2 sqrt(x (1 - x))</c>: uniform with the requested SD, one hash per
/// citizen (a normal deviate would cost a logarithm and a cosine each), and independent of the
/// order in which citizens are visited.
/// </remarks>
public static class OpinionNoise
{
    [ThreadStatic]
    private static NoiseChunks? t_chunks;

    /// <summary>Adds this step's noise to every citizen's trust.</summary>
    /// <param name="population">The citizens; their trust is updated.</param>
    /// <param name="sigma">Standard deviation of the step's change, at least 0.</param>
    /// <param name="seed">Seed of the noise stream.</param>
    /// <param name="step">The step number.</param>
    /// <param name="maxDegreeOfParallelism">As for <see cref="Apply(CitizenPopulation, int, ReadOnlySpan{double}, ulong, int, int)"/>.</param>
    public static void Apply(CitizenPopulation population, double sigma, ulong seed, int step, int maxDegreeOfParallelism = 0)
    {
        ArgumentNullException.ThrowIfNull(population);
        RuleGuards.RequireNonNegative(sigma, nameof(sigma));
        if (sigma == 0)
        {
            return;
        }

        Span<double> each = population.StateCount <= 64 ? stackalloc double[population.StateCount] : new double[population.StateCount];
        each.Fill(sigma);
        Apply(population, 0, each, seed, step, maxDegreeOfParallelism);
    }

    /// <summary>
    /// Adds this step's noise to every citizen's trust, with the standard deviation of the
    /// citizen's state; with the same value for every state, bit for bit what
    /// <see cref="Apply(CitizenPopulation, double, ulong, int, int)"/> does (a citizen's draw depends
    /// on its index only, not on where a loop starts).
    /// </summary>
    /// <param name="population">The citizens; their trust is updated.</param>
    /// <param name="sigma">Standard deviation of the step's change for each state's citizens, one per state, each at least 0.</param>
    /// <param name="seed">Seed of the noise stream.</param>
    /// <param name="step">The step number.</param>
    public static void Apply(CitizenPopulation population, ReadOnlySpan<double> sigma, ulong seed, int step) =>
        Apply(population, 0, sigma, seed, step);

    /// <summary>
    /// Adds this step's noise to every citizen's trust in one layer (see
    /// <see cref="CitizenPopulation.TrustIn"/>): the first layer draws as
    /// <see cref="Apply(CitizenPopulation, ReadOnlySpan{double}, ulong, int)"/> does, every other
    /// from a key of its own, so the layers' noise is independent.
    /// </summary>
    /// <remarks>
    /// The citizens are taken in chunks (see <see cref="StateChunks"/>), on up to
    /// <paramref name="maxDegreeOfParallelism"/> threads. A citizen's draw is a hash of its index
    /// and the step, and its new trust depends on nothing else, so the result is the same bits
    /// for any number of threads.
    /// </remarks>
    /// <param name="population">The citizens; their trust in the layer is updated.</param>
    /// <param name="layer">The trust layer.</param>
    /// <param name="sigma">Standard deviation of the step's change for each state's citizens, one per state, each at least 0.</param>
    /// <param name="seed">Seed of the noise stream.</param>
    /// <param name="step">The step number.</param>
    /// <param name="maxDegreeOfParallelism">0 (the default) lets the population's size choose (see <see cref="SocialInfluence.ParallelThreshold"/>), 1 runs on the calling thread, a larger number caps the threads.</param>
    public static void Apply(CitizenPopulation population, int layer, ReadOnlySpan<double> sigma, ulong seed, int step, int maxDegreeOfParallelism = 0)
    {
        ArgumentNullException.ThrowIfNull(population);
        RuleGuards.RequirePerState(population, sigma.Length, nameof(sigma));
        ArgumentOutOfRangeException.ThrowIfNegative(maxDegreeOfParallelism);
        ulong key = StableHash.Combine(seed, (ulong)step);
        if (layer > 0)
        {
            key = StableHash.Combine(key, (ulong)layer);
        }

        var chunks = t_chunks ??= new NoiseChunks();
        chunks.Sigma = RuleGuards.PerStateScratch(chunks.Sigma, population.StateCount);
        for (int s = 0; s < population.StateCount; s++)
        {
            RuleGuards.RequireNonNegative(sigma[s], nameof(sigma));
            chunks.Sigma[s] = sigma[s];
        }

        chunks.Layout = new StateChunks(population);
        chunks.Trust = population.TrustIn(layer);
        chunks.Key = key;
        try
        {
            CitizenTeam.Run(chunks, chunks.Layout.Count, CitizenTeam.ThreadsFor(population.Count, maxDegreeOfParallelism));
        }
        finally
        {
            chunks.Trust = [];
        }
    }

    /// <summary>The noise on citizens [from, to), with the step's key <c>Combine(seed, step)</c>.</summary>
    private static void Apply(float[] trust, int from, int to, double sigma, ulong key)
    {
        double width = 2 * Math.Sqrt(3) * sigma;
        int i = VectorsEnabled ? ApplyVectors(trust, from, to, StableHash.Mix(key), width) : from;
        for (; i < to; i++)
        {
            double u = StableHash.ToUnit(StableHash.Combine(key, (ulong)i));
            float x = trust[i];
            trust[i] = Math.Clamp(x + (float)((u - 0.5) * width * 2 * Math.Sqrt(x * (1 - x))), 0f, 1f);
        }
    }

    /// <summary>Whether the noise uses 256-bit vectors; tests switch them off to check the scalar loop on its own.</summary>
    internal static bool VectorsEnabled { get; set; } = Vector256.IsHardwareAccelerated;

    /// <summary>
    /// The scalar loop's arithmetic on eight citizens at a time; returns where the scalar loop
    /// takes over. <c>Combine(key, i)</c> is <c>Mix(Mix(key) ^ i K)</c>, so with
    /// <paramref name="mixedKey"/> = <c>Mix(key)</c> one vector mix per four citizens remains.
    /// Every operation is the scalar one in the same order and precision (the product
    /// x (1 - x) in single precision, its square root and the scaling in double, the sum and the
    /// clamp in single), and vector arithmetic rounds like scalar arithmetic, so the bits are
    /// the same.
    /// </summary>
    private static int ApplyVectors(float[] trust, int from, int to, ulong mixedKey, double width)
    {
        var key = Vector256.Create(mixedKey);
        var half = Vector256.Create(0.5);
        var spread = Vector256.Create(width);
        var two = Vector256.Create(2.0);
        var eight = Vector256.Create(unchecked(8 * VectorHash.IndexMultiplier));
        var indexLow = (Vector256.Create(0UL, 1, 2, 3) * VectorHash.IndexMultiplier) + Vector256.Create(unchecked((ulong)from * VectorHash.IndexMultiplier));
        var indexHigh = indexLow + Vector256.Create(unchecked(4 * VectorHash.IndexMultiplier));
        int i = from;
        for (; i <= to - 8; i += 8, indexLow += eight, indexHigh += eight)
        {
            var x = Vector256.Create(new ReadOnlySpan<float>(trust, i, 8));
            var (roomLow, roomHigh) = Vector256.Widen(x * (Vector256<float>.One - x));
            var stepLow = ((VectorHash.ToUnit(VectorHash.Mix(key ^ indexLow)) - half) * spread * two) * Vector256.Sqrt(roomLow);
            var stepHigh = ((VectorHash.ToUnit(VectorHash.Mix(key ^ indexHigh)) - half) * spread * two) * Vector256.Sqrt(roomHigh);
            var moved = x + Vector256.Narrow(stepLow, stepHigh);

            // Math.Clamp's comparisons in its order: below 0 gives +0, else above 1 gives 1, else the value (a -0 stays).
            var clamped = Vector256.ConditionalSelect(
                Vector256.LessThan(moved, Vector256<float>.Zero),
                Vector256<float>.Zero,
                Vector256.ConditionalSelect(Vector256.GreaterThan(moved, Vector256<float>.One), Vector256<float>.One, moved));
            clamped.CopyTo(new Span<float>(trust, i, 8));
        }

        return i;
    }

    /// <summary>A step's noise on one layer, chunk by chunk; made once per calling thread and reused.</summary>
    private sealed class NoiseChunks : IChunkedWork
    {
        public float[] Trust = [];
        public double[] Sigma = [];
        public ulong Key;
        public StateChunks Layout;

        public void RunChunk(int chunk)
        {
            double sigma = Sigma[Layout.StateOf(chunk)];
            if (sigma != 0)
            {
                var (start, length) = Layout.Of(chunk);
                Apply(Trust, start, start + length, sigma, Key);
            }
        }
    }
}
