using TrackSim.Core.Randomness;

namespace TrackSim.Core.Citizens;

/// <summary>
/// CIT-INFLUENCE: bounded-confidence social influence (Deffuant, Neau, Amblard and Weisbuch
/// 2000, "Mixing beliefs among interacting agents", Advances in Complex Systems 3).
/// </summary>
/// <remarks>
/// <para>
/// In each round every citizen <c>i</c> picks one partner <c>j</c>: a uniform tie of <c>i</c>,
/// or in a well-mixed network a uniform other citizen. Reading the trust of the round's start,
/// <c>x_i += mu (x_j - x_i)</c> if <c>|x_j - x_i| &lt; epsilon</c>. A cross-border tie with a
/// dormant citizen at either end carries nothing.
/// </para>
/// <para>
/// Deffuant's model updates one pair at a time; this synchronous form lets every citizen
/// listen once per round to a partner, so the result does not depend on the order in which
/// citizens are visited nor on the number of threads. It keeps the model's behaviour: the
/// number of opinion clusters from uniform opinions under full mixing is about
/// <c>floor(1 / (2 epsilon))</c>, and there is consensus for <c>epsilon &gt;= 0.5</c>.
/// </para>
/// <para>
/// The partner comes from the counter-based hash
/// <c>Combine(Combine(Combine(seed, step), round), i)</c>, not from a shared generator, so any
/// citizen's draw can be made on any thread. A convex move with <c>mu</c> in [0,1] keeps trust
/// in [0,1].
/// </para>
/// </remarks>
public static class SocialInfluence
{
    /// <summary>Populations at least this large run on several threads unless told otherwise.</summary>
    public const int ParallelThreshold = 50_000;

    /// <summary>Citizens per parallel work item; results do not depend on it.</summary>
    public const int ChunkSize = 16_384;

    /// <summary>Runs <paramref name="rounds"/> rounds of synchronous bounded-confidence influence.</summary>
    /// <param name="population">The citizens; their trust is updated.</param>
    /// <param name="network">The social network of the same citizens.</param>
    /// <param name="epsilon">Confidence bound: partners further apart than this do not influence, at least 0.</param>
    /// <param name="mu">Convergence: share of the gap closed in one interaction, in [0,1].</param>
    /// <param name="rounds">Interactions per citizen in this step, at least 0.</param>
    /// <param name="seed">Seed of the citizens' influence stream.</param>
    /// <param name="step">The step number, at least 0.</param>
    /// <param name="maxDegreeOfParallelism">
    /// 0 (the default) runs on all cores for populations of at least <see cref="ParallelThreshold"/>
    /// citizens and on one otherwise; 1 runs on the calling thread without allocating; a larger
    /// number caps the threads. Every choice gives bit-identical results.
    /// </param>
    public static void Step(
        CitizenPopulation population,
        SocialNetwork network,
        double epsilon,
        double mu,
        int rounds,
        ulong seed,
        int step,
        int maxDegreeOfParallelism = 0)
    {
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(network);
        population.RequireMatching(network);
        if (!(epsilon >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "The confidence bound must be at least 0.");
        }

        if (!(mu >= 0 && mu <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(mu), mu, "The convergence must be in [0,1].");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(rounds);
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        ArgumentOutOfRangeException.ThrowIfNegative(maxDegreeOfParallelism);
        if (rounds == 0 || population.Count < 2)
        {
            return;
        }

        int threads = maxDegreeOfParallelism switch
        {
            0 => population.Count >= ParallelThreshold ? Environment.ProcessorCount : 1,
            _ => maxDegreeOfParallelism,
        };

        var pass = new Pass(population, network, epsilon, mu);
        ulong stepKey = StableHash.Combine(seed, (ulong)step);
        float[] source = population.Trust;
        float[] target = population.Scratch;
        for (int round = 0; round < rounds; round++)
        {
            // Combine(a, i) is Mix(Mix(a) ^ i * K): taking Mix(a) once per round leaves one Mix per citizen.
            ulong roundKey = StableHash.Mix(StableHash.Combine(stepKey, (ulong)round));
            if (threads > 1 && population.Count > ChunkSize)
            {
                RunParallel(pass, source, target, roundKey, threads);
            }
            else
            {
                pass.Run(source, target, roundKey, 0, population.Count);
            }

            (source, target) = (target, source);
        }

        if (!ReferenceEquals(source, population.Trust))
        {
            source.AsSpan().CopyTo(population.Trust);
        }
    }

    /// <summary>The partner slot a hash picks out of <paramref name="choices"/> (multiply-shift on 64 bits).</summary>
    internal static int Pick(ulong hash, int choices) => (int)Math.BigMul(hash, (ulong)choices, out _);

    // Kept out of Step so its lambda's closure is not allocated on the sequential path.
    private static void RunParallel(Pass pass, float[] source, float[] target, ulong roundKey, int threads)
    {
        int count = pass.Count;
        int chunks = (count + ChunkSize - 1) / ChunkSize;
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
        Parallel.For(0, chunks, options, chunk =>
        {
            int from = chunk * ChunkSize;
            pass.Run(source, target, roundKey, from, Math.Min(from + ChunkSize, count));
        });
    }

    /// <summary>What one round needs, gathered once per step.</summary>
    private readonly struct Pass(CitizenPopulation population, SocialNetwork network, double epsilon, double mu)
    {
        private const ulong IndexMultiplier = 0xD6E8FEB86659FD93UL;
        private const byte Dormant = (byte)CitizenTraits.CrossBorderDormant;

        private readonly byte[] _flags = population.Flags;
        private readonly int[] _offsets = network.Offsets;
        private readonly int[] _targets = network.Targets;
        private readonly int _perState = population.PerState;
        private readonly bool _wellMixed = network.IsWellMixed;
        private readonly double _epsilon = epsilon;
        private readonly double _mu = mu;

        public int Count { get; } = population.Count;

        /// <summary>Computes the new trust of citizens [from, to) from the snapshot <paramref name="x"/>.</summary>
        public void Run(float[] x, float[] next, ulong roundKey, int from, int to)
        {
            if (_wellMixed)
            {
                RunWellMixed(x, next, roundKey, from, to);
            }
            else
            {
                RunNetwork(x, next, roundKey, from, to);
            }
        }

        private void RunNetwork(float[] x, float[] next, ulong roundKey, int from, int to)
        {
            // Spans over the chunk let the JIT drop the bounds checks of the sequential accesses.
            ReadOnlySpan<float> trust = x;
            ReadOnlySpan<float> own = x.AsSpan(from, to - from);
            Span<float> result = next.AsSpan(from, to - from);
            ReadOnlySpan<int> offsets = _offsets.AsSpan(from, to - from + 1);
            ReadOnlySpan<int> targets = _targets;
            ReadOnlySpan<byte> flags = _flags;
            double epsilon = _epsilon;
            double mu = _mu;
            int perState = _perState;
            int blockStart = from - (from % perState);
            for (int k = 0; k < result.Length; k++)
            {
                int i = from + k;
                if (i - blockStart == perState)
                {
                    blockStart = i;
                }

                float xi = own[k];
                int start = offsets[k];
                int degree = offsets[k + 1] - start;
                if (degree == 0)
                {
                    result[k] = xi;
                    continue;
                }

                ulong hash = StableHash.Mix(roundKey ^ ((ulong)i * IndexMultiplier));
                int j = targets[start + Pick(hash, degree)];
                if ((uint)(j - blockStart) >= (uint)perState && ((flags[i] | flags[j]) & Dormant) != 0)
                {
                    result[k] = xi;
                    continue;
                }

                double gap = (double)trust[j] - xi;
                result[k] = Math.Abs(gap) < epsilon ? (float)(xi + (mu * gap)) : xi;
            }
        }

        private void RunWellMixed(float[] x, float[] next, ulong roundKey, int from, int to)
        {
            ReadOnlySpan<float> trust = x;
            ReadOnlySpan<float> own = x.AsSpan(from, to - from);
            Span<float> result = next.AsSpan(from, to - from);
            ReadOnlySpan<byte> flags = _flags;
            double epsilon = _epsilon;
            double mu = _mu;
            int perState = _perState;
            int others = Count - 1;
            int blockStart = from - (from % perState);
            for (int k = 0; k < result.Length; k++)
            {
                int i = from + k;
                if (i - blockStart == perState)
                {
                    blockStart = i;
                }

                float xi = own[k];
                ulong hash = StableHash.Mix(roundKey ^ ((ulong)i * IndexMultiplier));
                int j = Pick(hash, others);
                j += j >= i ? 1 : 0;
                if ((uint)(j - blockStart) >= (uint)perState && ((flags[i] | flags[j]) & Dormant) != 0)
                {
                    result[k] = xi;
                    continue;
                }

                double gap = (double)trust[j] - xi;
                result[k] = Math.Abs(gap) < epsilon ? (float)(xi + (mu * gap)) : xi;
            }
        }
    }
}
