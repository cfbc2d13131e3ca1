using System.Numerics;

namespace TrackSim.Core.Citizens;

/// <summary>
/// T2-OUTREACH: Track II participants with public reach re-humanise the other side for the
/// citizens who hear them, Montville's (1981) second process of Track II ("Foreign policy
/// according to Freud", Foreign Policy 45, with Davidson). Only citizens who speak the language
/// shared across the border are reached: <c>x += push (1 - x)</c> for a positive push and
/// <c>x += push x</c> for a negative one, clamped to [0,1].
/// </summary>
public static class Outreach
{
    [ThreadStatic]
    private static OutreachChunks? t_chunks;

    /// <summary>Moves the trust of citizens with the shared language by their state's push.</summary>
    /// <param name="population">The citizens; their trust is updated.</param>
    /// <param name="pushPerState">Share of the gap to 1 (positive) or to 0 (negative) closed in this step, one per state.</param>
    /// <param name="maxDegreeOfParallelism">As for <see cref="Apply(CitizenPopulation, int, ReadOnlySpan{double}, int)"/>.</param>
    public static void Apply(CitizenPopulation population, ReadOnlySpan<double> pushPerState, int maxDegreeOfParallelism = 0) =>
        Apply(population, 0, pushPerState, maxDegreeOfParallelism);

    /// <summary>Moves the trust in one layer (see <see cref="CitizenPopulation.TrustIn"/>) of citizens with the shared language by their state's push.</summary>
    /// <remarks>
    /// The citizens are taken in chunks (see <see cref="StateChunks"/>), on up to
    /// <paramref name="maxDegreeOfParallelism"/> threads; each citizen's move depends on its own
    /// values only, so the result is the same bits for any number of threads.
    /// </remarks>
    /// <param name="population">The citizens; their trust in the layer is updated.</param>
    /// <param name="layer">The trust layer.</param>
    /// <param name="pushPerState">Share of the gap to 1 (positive) or to 0 (negative) closed in this step, one per state.</param>
    /// <param name="maxDegreeOfParallelism">0 (the default) lets the population's size choose (see <see cref="SocialInfluence.ParallelThreshold"/>), 1 runs on the calling thread, a larger number caps the threads.</param>
    public static void Apply(CitizenPopulation population, int layer, ReadOnlySpan<double> pushPerState, int maxDegreeOfParallelism = 0)
    {
        ArgumentNullException.ThrowIfNull(population);
        RuleGuards.RequirePerState(population, pushPerState.Length, nameof(pushPerState));
        ArgumentOutOfRangeException.ThrowIfNegative(maxDegreeOfParallelism);
        var chunks = t_chunks ??= new OutreachChunks();
        chunks.Push = RuleGuards.PerStateScratch(chunks.Push, population.StateCount);
        bool any = false;
        for (int s = 0; s < population.StateCount; s++)
        {
            chunks.Push[s] = pushPerState[s];
            any |= pushPerState[s] != 0;
        }

        if (!any)
        {
            return;
        }

        chunks.Layout = new StateChunks(population);
        chunks.Trust = population.TrustIn(layer);
        chunks.Flags = population.Flags;
        try
        {
            CitizenTeam.Run(chunks, chunks.Layout.Count, CitizenTeam.ThreadsFor(population.Count, maxDegreeOfParallelism));
        }
        finally
        {
            chunks.Trust = [];
            chunks.Flags = [];
        }
    }

    /// <summary>
    /// <c>x = Math.Clamp(x + gain (goal - x), 0, 1)</c> in single precision for the citizens
    /// with the shared language, several at a time: the move is computed for all and kept where
    /// the flag is set, so there is no branch on a flag that about a third of citizens have,
    /// in no pattern. The vector operations round like the scalar ones and the clamp uses the
    /// comparisons of <see cref="Math.Clamp(float, float, float)"/>, so the bits are the same.
    /// </summary>
    private static void Move(Span<float> trust, ReadOnlySpan<byte> flags, float gain, float goal)
    {
        const byte shared = (byte)CitizenTraits.SharedLanguage;
        flags = flags[..trust.Length];
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            // One vector of flags widens to four of 32-bit lanes, one per vector of trust.
            int width = Vector<float>.Count;
            var gains = new Vector<float>(gain);
            var goals = new Vector<float>(goal);
            var bit = new Vector<uint>(shared);
            for (; i <= trust.Length - Vector<byte>.Count; i += Vector<byte>.Count)
            {
                Vector.Widen(new Vector<byte>(flags[i..]), out var low, out var high);
                Vector.Widen(low, out var f0, out var f1);
                Vector.Widen(high, out var f2, out var f3);
                MoveWhere(trust.Slice(i, width), f0, bit, gains, goals);
                MoveWhere(trust.Slice(i + width, width), f1, bit, gains, goals);
                MoveWhere(trust.Slice(i + (2 * width), width), f2, bit, gains, goals);
                MoveWhere(trust.Slice(i + (3 * width), width), f3, bit, gains, goals);
            }
        }

        for (; i < trust.Length; i++)
        {
            if ((flags[i] & shared) != 0)
            {
                float x = trust[i];
                trust[i] = Math.Clamp(x + (gain * (goal - x)), 0f, 1f);
            }
        }
    }

    private static void MoveWhere(Span<float> trust, Vector<uint> flags, Vector<uint> bit, Vector<float> gain, Vector<float> goal)
    {
        var x = new Vector<float>(trust);
        var moved = UnitClamp.Clamp(x + (gain * (goal - x)));
        var reached = Vector.Equals(flags & bit, bit).As<uint, int>();
        Vector.ConditionalSelect(reached, moved, x).CopyTo(trust);
    }

    /// <summary>A step's outreach on one layer, chunk by chunk; made once per calling thread and reused.</summary>
    private sealed class OutreachChunks : IChunkedWork
    {
        public float[] Trust = [];
        public byte[] Flags = [];
        public double[] Push = [];
        public StateChunks Layout;

        public void RunChunk(int chunk)
        {
            double push = Push[Layout.StateOf(chunk)];
            if (push == 0)
            {
                return;
            }

            // Both forms are x + push * (target - x), toward 1 for a positive push and toward 0 for a negative one.
            var (start, length) = Layout.Of(chunk);
            Move(Trust.AsSpan(start, length), Flags.AsSpan(start, length), (float)Math.Abs(push), push > 0 ? 1f : 0f);
        }
    }
}
