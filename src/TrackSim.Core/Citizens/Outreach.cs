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
    /// <summary>Moves the trust of citizens with the shared language by their state's push.</summary>
    /// <param name="population">The citizens; their trust is updated.</param>
    /// <param name="pushPerState">Share of the gap to 1 (positive) or to 0 (negative) closed in this step, one per state.</param>
    public static void Apply(CitizenPopulation population, ReadOnlySpan<double> pushPerState)
    {
        ArgumentNullException.ThrowIfNull(population);
        RuleGuards.RequirePerState(population, pushPerState.Length, nameof(pushPerState));
        float[] trust = population.Trust;
        byte[] flags = population.Flags;
        for (int s = 0; s < population.StateCount; s++)
        {
            double push = pushPerState[s];
            if (push == 0)
            {
                continue;
            }

            // Both forms are x + push * (target - x), toward 1 for a positive push and toward 0 for a negative one.
            float gain = (float)Math.Abs(push);
            float goal = push > 0 ? 1f : 0f;
            int end = (s + 1) * population.PerState;
            for (int i = s * population.PerState; i < end; i++)
            {
                if ((flags[i] & (byte)CitizenTraits.SharedLanguage) != 0)
                {
                    float x = trust[i];
                    trust[i] = Math.Clamp(x + (gain * (goal - x)), 0f, 1f);
                }
            }
        }
    }
}
