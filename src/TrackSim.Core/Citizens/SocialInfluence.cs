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
    public const int ParallelThreshold = CitizenTeam.ParallelThreshold;

    /// <summary>Citizens per parallel work item; results do not depend on it.</summary>
    public const int ChunkSize = CitizenTeam.ChunkSize;

    [ThreadStatic]
    private static RoundChunks? t_round;

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
    /// citizens and on one otherwise; 1 runs on the calling thread; a larger number caps the
    /// threads. Every choice gives bit-identical results, and none allocates once the calling
    /// thread has run a step with as many threads.
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
        Run(population, 0, new InfluencePass(population, network, epsilon, mu), rounds, seed, step, maxDegreeOfParallelism);
    }

    /// <summary>
    /// Runs a step of synchronous bounded-confidence influence in which each state's public has
    /// its own confidence bound and its own number of rounds: in round r the citizens of state s
    /// listen while r is below <c>rounds[s]</c> and keep their trust after (their compatriots and
    /// partners abroad may still listen to them). With the same values for every state the result
    /// is bit for bit that of <see cref="Step(CitizenPopulation, SocialNetwork, double, double, int, ulong, int, int)"/>.
    /// </summary>
    /// <param name="population">The citizens; their trust is updated.</param>
    /// <param name="network">The social network of the same citizens.</param>
    /// <param name="epsilon">Confidence bound of each state's citizens as listeners, one per state, each at least 0 (read, not copied).</param>
    /// <param name="mu">Convergence: share of the gap closed in one interaction, in [0,1].</param>
    /// <param name="rounds">Interactions of each state's citizens in this step, one per state, each at least 0 (read, not copied).</param>
    /// <param name="seed">Seed of the citizens' influence stream.</param>
    /// <param name="step">The step number, at least 0.</param>
    /// <param name="maxDegreeOfParallelism">As for the other overload.</param>
    public static void Step(
        CitizenPopulation population,
        SocialNetwork network,
        double[] epsilon,
        double mu,
        int[] rounds,
        ulong seed,
        int step,
        int maxDegreeOfParallelism = 0) =>
        Step(population, 0, network, epsilon, mu, rounds, seed, step, maxDegreeOfParallelism);

    /// <summary>
    /// Runs the step of <see cref="Step(CitizenPopulation, SocialNetwork, double[], double, int[], ulong, int, int)"/>
    /// on the trust of one layer (see <see cref="CitizenPopulation.TrustIn"/>). Every layer draws
    /// the same partners (a citizen talks with the same people about each actor), and the
    /// confidence bound applies to each layer on its own.
    /// </summary>
    /// <param name="population">The citizens; their trust in the layer is updated.</param>
    /// <param name="layer">The trust layer.</param>
    /// <param name="network">The social network of the same citizens.</param>
    /// <param name="epsilon">Confidence bound of each state's citizens as listeners, one per state.</param>
    /// <param name="mu">Convergence: share of the gap closed in one interaction, in [0,1].</param>
    /// <param name="rounds">Interactions of each state's citizens in this step, one per state.</param>
    /// <param name="seed">Seed of the citizens' influence stream.</param>
    /// <param name="step">The step number, at least 0.</param>
    /// <param name="maxDegreeOfParallelism">As for the other overloads.</param>
    public static void Step(
        CitizenPopulation population,
        int layer,
        SocialNetwork network,
        double[] epsilon,
        double mu,
        int[] rounds,
        ulong seed,
        int step,
        int maxDegreeOfParallelism = 0)
    {
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(epsilon);
        ArgumentNullException.ThrowIfNull(rounds);
        population.RequireMatching(network);
        RuleGuards.RequirePerState(population, epsilon.Length, nameof(epsilon));
        RuleGuards.RequirePerState(population, rounds.Length, nameof(rounds));
        int most = 0;
        for (int s = 0; s < population.StateCount; s++)
        {
            if (!(epsilon[s] >= 0))
            {
                throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon[s], "Every confidence bound must be at least 0.");
            }

            ArgumentOutOfRangeException.ThrowIfNegative(rounds[s], nameof(rounds));
            most = Math.Max(most, rounds[s]);
        }

        if (!(mu >= 0 && mu <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(mu), mu, "The convergence must be in [0,1].");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(step);
        ArgumentOutOfRangeException.ThrowIfNegative(maxDegreeOfParallelism);
        Run(population, layer, new InfluencePass(population, network, epsilon, rounds, mu), most, seed, step, maxDegreeOfParallelism);
    }

    /// <summary>Runs <paramref name="rounds"/> rounds of <paramref name="pass"/> over the population's trust in <paramref name="layer"/>.</summary>
    private static void Run(CitizenPopulation population, int layer, InfluencePass pass, int rounds, ulong seed, int step, int maxDegreeOfParallelism)
    {
        if (rounds == 0 || population.Count < 2)
        {
            return;
        }

        int threads = CitizenTeam.ThreadsFor(population.Count, maxDegreeOfParallelism);
        var chunks = t_round ??= new RoundChunks();
        chunks.Pass = pass;
        ulong stepKey = StableHash.Combine(seed, (ulong)step);
        float[] source = population.TrustIn(layer);
        float[] target = population.Scratch;
        for (int round = 0; round < rounds; round++)
        {
            // Combine(a, i) is Mix(Mix(a) ^ i * K): taking Mix(a) once per round leaves one Mix per citizen.
            chunks.RoundKey = StableHash.Mix(StableHash.Combine(stepKey, (ulong)round));
            chunks.Round = round;
            chunks.Source = source;
            chunks.Target = target;
            CitizenTeam.Run(chunks, (population.Count + ChunkSize - 1) / ChunkSize, threads);
            (source, target) = (target, source);
        }

        // Drop the references, so the reused chunks do not keep a finished population alive.
        chunks.Pass = default;
        chunks.Source = [];
        chunks.Target = [];

        // After an odd number of rounds the result is in the scratch array: commit it by
        // swapping the arrays, not copying (a copy would be one more pass over memory, and a
        // serial one).
        if (!ReferenceEquals(source, population.TrustIn(layer)))
        {
            population.SwapTrustAndScratch(layer);
        }
    }

    /// <summary>One round of a pass over the whole population in chunks of <see cref="ChunkSize"/>; made once per calling thread and reused.</summary>
    private sealed class RoundChunks : IChunkedWork
    {
        public InfluencePass Pass;
        public float[] Source = [];
        public float[] Target = [];
        public ulong RoundKey;
        public int Round;

        public void RunChunk(int chunk)
        {
            int from = chunk * ChunkSize;
            Pass.Run(Source, Target, RoundKey, Round, from, Math.Min(from + ChunkSize, Pass.Count));
        }
    }
}
