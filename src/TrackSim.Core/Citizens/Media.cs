using System.Numerics;

namespace TrackSim.Core.Citizens;

/// <summary>
/// CIT-MEDIA: the media effect of a step's events, <c>x_i += delta[state_i] * exposure_i</c>,
/// clamped to [0,1].
/// </summary>
/// <remarks>
/// The engine turns the step's events into one shift per state: negative for hostile events,
/// scaled up by the negativity bias (Baumeister, Bratslavsky, Finkenauer and Vohs 2001, "Bad is
/// stronger than good", Review of General Psychology 5; Soroka and McAdams 2015, "News,
/// politics, and negativity", Political Communication 32), positive for cooperative ones. A
/// citizen takes in the shift in proportion to media exposure.
/// </remarks>
public static class Media
{
    [ThreadStatic]
    private static MediaChunks? t_chunks;

    /// <summary>Shifts every citizen's trust by the state's shift times the citizen's exposure.</summary>
    /// <param name="population">The citizens; their trust is updated.</param>
    /// <param name="deltaPerState">Trust shift of a fully exposed citizen, one per state.</param>
    /// <param name="maxDegreeOfParallelism">As for <see cref="Apply(CitizenPopulation, int, ReadOnlySpan{double}, int)"/>.</param>
    public static void Apply(CitizenPopulation population, ReadOnlySpan<double> deltaPerState, int maxDegreeOfParallelism = 0) =>
        Apply(population, 0, deltaPerState, maxDegreeOfParallelism);

    /// <summary>Shifts every citizen's trust in one layer (see <see cref="CitizenPopulation.TrustIn"/>) by the state's shift times the citizen's exposure.</summary>
    /// <remarks>
    /// The citizens are taken in chunks (see <see cref="StateChunks"/>), on up to
    /// <paramref name="maxDegreeOfParallelism"/> threads; each citizen's move depends on its own
    /// values only, so the result is the same bits for any number of threads.
    /// </remarks>
    /// <param name="population">The citizens; their trust in the layer is updated.</param>
    /// <param name="layer">The trust layer.</param>
    /// <param name="deltaPerState">Trust shift of a fully exposed citizen, one per state.</param>
    /// <param name="maxDegreeOfParallelism">0 (the default) lets the population's size choose (see <see cref="SocialInfluence.ParallelThreshold"/>), 1 runs on the calling thread, a larger number caps the threads.</param>
    public static void Apply(CitizenPopulation population, int layer, ReadOnlySpan<double> deltaPerState, int maxDegreeOfParallelism = 0)
    {
        ArgumentNullException.ThrowIfNull(population);
        RuleGuards.RequirePerState(population, deltaPerState.Length, nameof(deltaPerState));
        ArgumentOutOfRangeException.ThrowIfNegative(maxDegreeOfParallelism);
        var chunks = t_chunks ??= new MediaChunks();
        chunks.Delta = RuleGuards.PerStateScratch(chunks.Delta, population.StateCount);
        bool any = false;
        for (int s = 0; s < population.StateCount; s++)
        {
            chunks.Delta[s] = (float)deltaPerState[s];
            any |= chunks.Delta[s] != 0;
        }

        if (!any)
        {
            return;
        }

        chunks.Layout = new StateChunks(population);
        chunks.Trust = population.TrustIn(layer);
        chunks.Exposure = population.Exposure;
        try
        {
            CitizenTeam.Run(chunks, chunks.Layout.Count, CitizenTeam.ThreadsFor(population.Count, maxDegreeOfParallelism));
        }
        finally
        {
            chunks.Trust = [];
            chunks.Exposure = [];
        }
    }

    /// <summary>
    /// <c>x = Math.Clamp(x + delta * e, 0, 1)</c> in single precision, several citizens at a time:
    /// the vector operations round like the scalar ones, and the clamp is written with the same
    /// comparisons as <see cref="Math.Clamp(float, float, float)"/>, so the bits are the same.
    /// </summary>
    private static void Shift(Span<float> trust, ReadOnlySpan<float> exposure, float delta)
    {
        exposure = exposure[..trust.Length];
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var shift = new Vector<float>(delta);
            for (; i <= trust.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var x = new Vector<float>(trust[i..]);
                var e = new Vector<float>(exposure[i..]);
                UnitClamp.Clamp(x + (shift * e)).CopyTo(trust[i..]);
            }
        }

        for (; i < trust.Length; i++)
        {
            trust[i] = Math.Clamp(trust[i] + (delta * exposure[i]), 0f, 1f);
        }
    }

    /// <summary>A step's media shift on one layer, chunk by chunk; made once per calling thread and reused.</summary>
    private sealed class MediaChunks : IChunkedWork
    {
        public float[] Trust = [];
        public float[] Exposure = [];
        public float[] Delta = [];
        public StateChunks Layout;

        public void RunChunk(int chunk)
        {
            float delta = Delta[Layout.StateOf(chunk)];
            if (delta != 0)
            {
                var (start, length) = Layout.Of(chunk);
                Shift(Trust.AsSpan(start, length), Exposure.AsSpan(start, length), delta);
            }
        }
    }
}
