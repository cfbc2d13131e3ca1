namespace TrackSim.Core.Randomness;

/// <summary>
/// The one source of randomness of a run. Each replicate and each concern (events, incidents,
/// citizens, meetings, ...) gets its own stream, seeded by
/// <c>Combine(Combine(masterSeed, replicate), Fnv1a(name))</c>. The variant is deliberately not
/// part of the seed: variants of one replicate share their streams (common random numbers), so
/// a what-if difference is the effect and not noise.
/// </summary>
/// <param name="masterSeed">The scenario's or the command line's seed.</param>
public sealed class StreamFactory(ulong masterSeed)
{
    /// <summary>The master seed.</summary>
    public ulong MasterSeed { get; } = masterSeed;

    /// <summary>The 64-bit seed of stream <paramref name="name"/> of replicate <paramref name="replicate"/>.</summary>
    public ulong SeedOf(int replicate, string name)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(replicate);
        return StableHash.Combine(StableHash.Combine(MasterSeed, (ulong)replicate), StableHash.Fnv1a(name));
    }

    /// <summary>A new generator for stream <paramref name="name"/> of replicate <paramref name="replicate"/>.</summary>
    public Xoshiro256 Create(int replicate, string name) => new(SeedOf(replicate, name));
}
