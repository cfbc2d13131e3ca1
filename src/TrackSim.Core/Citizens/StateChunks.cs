namespace TrackSim.Core.Citizens;

/// <summary>
/// The chunks of the element-wise citizen rules and the state summaries: each state's block of
/// citizens cut into pieces of <see cref="CitizenTeam.ChunkSize"/> from its first citizen, the
/// last piece of a state shorter. Chunk <c>c</c> is piece <c>c % PerStateChunks</c> of state
/// <c>c / PerStateChunks</c>. The cut depends on the population alone, so sums kept per chunk
/// and added in chunk order are the same whatever the number of threads, and a chunk never
/// spans two states, so it has one state's parameters.
/// </summary>
internal readonly struct StateChunks
{
    private readonly int _perState;

    /// <param name="population">The citizens.</param>
    public StateChunks(CitizenPopulation population)
    {
        _perState = population.PerState;
        PerStateChunks = (population.PerState + CitizenTeam.ChunkSize - 1) / CitizenTeam.ChunkSize;
        Count = PerStateChunks * population.StateCount;
    }

    /// <summary>Chunks per state.</summary>
    public int PerStateChunks { get; }

    /// <summary>Chunks in all.</summary>
    public int Count { get; }

    /// <summary>The state of chunk <paramref name="chunk"/>.</summary>
    public int StateOf(int chunk) => chunk / PerStateChunks;

    /// <summary>Where piece <paramref name="piece"/> of a state starts within the state's block.</summary>
    public static int OffsetOf(int piece) => piece * CitizenTeam.ChunkSize;

    /// <summary>The length of piece <paramref name="piece"/> of a state.</summary>
    public int LengthOf(int piece) => Math.Min(CitizenTeam.ChunkSize, _perState - OffsetOf(piece));

    /// <summary>The first citizen of chunk <paramref name="chunk"/> and how many it holds.</summary>
    public (int Start, int Length) Of(int chunk)
    {
        int piece = chunk % PerStateChunks;
        return ((StateOf(chunk) * _perState) + OffsetOf(piece), LengthOf(piece));
    }
}
