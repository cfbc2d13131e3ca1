namespace TrackSim.Core.Citizens;

/// <summary>Argument checks the citizen rules share.</summary>
internal static class RuleGuards
{
    /// <summary>Throws unless a per-state argument has one value for each state.</summary>
    public static void RequirePerState(CitizenPopulation population, int length, string name)
    {
        if (length != population.StateCount)
        {
            throw new ArgumentException($"Expected one value per state ({population.StateCount}), got {length}.", name);
        }
    }

    /// <summary>Throws unless a value is a probability in [0,1].</summary>
    public static void RequireProbability(double value, string name)
    {
        if (!(value >= 0 && value <= 1))
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be in [0,1].");
        }
    }

    /// <summary>Throws unless a value is finite and at least 0.</summary>
    public static void RequireNonNegative(double value, string name)
    {
        if (!(value >= 0 && double.IsFinite(value)))
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be a finite number of at least 0.");
        }
    }

    /// <summary>
    /// <paramref name="scratch"/> if it holds at least <paramref name="states"/> values, else a
    /// new array of that length: the per-state values a chunked rule copies for its chunks, so
    /// that a run allocates them once.
    /// </summary>
    public static T[] PerStateScratch<T>(T[] scratch, int states) => scratch.Length >= states ? scratch : new T[states];
}
