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
    /// <summary>Shifts every citizen's trust by the state's shift times the citizen's exposure.</summary>
    /// <param name="population">The citizens; their trust is updated.</param>
    /// <param name="deltaPerState">Trust shift of a fully exposed citizen, one per state.</param>
    public static void Apply(CitizenPopulation population, ReadOnlySpan<double> deltaPerState) => Apply(population, 0, deltaPerState);

    /// <summary>Shifts every citizen's trust in one layer (see <see cref="CitizenPopulation.TrustIn"/>) by the state's shift times the citizen's exposure.</summary>
    /// <param name="population">The citizens; their trust in the layer is updated.</param>
    /// <param name="layer">The trust layer.</param>
    /// <param name="deltaPerState">Trust shift of a fully exposed citizen, one per state.</param>
    public static void Apply(CitizenPopulation population, int layer, ReadOnlySpan<double> deltaPerState)
    {
        ArgumentNullException.ThrowIfNull(population);
        float[] all = population.TrustIn(layer);
        RuleGuards.RequirePerState(population, deltaPerState.Length, nameof(deltaPerState));
        for (int s = 0; s < population.StateCount; s++)
        {
            float delta = (float)deltaPerState[s];
            if (delta == 0)
            {
                continue;
            }

            Shift(all.AsSpan(s * population.PerState, population.PerState), population.Exposure.AsSpan(s * population.PerState, population.PerState), delta);
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
}
