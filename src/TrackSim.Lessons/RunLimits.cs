namespace TrackSim.Lessons;

/// <summary>What one request may ask of the server.</summary>
public static class RunLimits
{
    /// <summary>Largest request body: 1 MiB.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    /// <summary>Most replicates one run may ask for.</summary>
    public const int MaxReplicates = 50;

    /// <summary>Runs at a time; a further run is refused with 503 until one ends.</summary>
    public const int MaxConcurrentRuns = 2;

    /// <summary>
    /// Most citizens per state a run may simulate: a lesson has a few thousand; 100,000 runs 50
    /// replicates in about a minute on one core, so no request can hold a run slot for long.
    /// </summary>
    public const int MaxCitizensPerState = 100_000;

    /// <summary>Lines of the event log a run returns.</summary>
    public const int MaxLogLines = 200;
}
