using TrackSim.Core.Randomness;

namespace TrackSim.Core.Citizens;

/// <summary>
/// A SplitMix64 sequence (Steele, Lea and Flood 2014) as a value type: the i-th draw is
/// <c>StableHash.Mix(key + i * golden)</c>. It lives on the stack, so a rule can draw as many
/// numbers as it needs without allocating a generator, and two calls with the same key draw
/// the same numbers.
/// </summary>
internal struct CounterStream(ulong key)
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    private ulong _state = key;

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = StableHash.Mix(_state);
        _state += Golden;
        return result;
    }

    /// <summary>A uniform double in [0, 1).</summary>
    public double NextDouble() => StableHash.ToUnit(NextUInt64());

    /// <summary>A uniform double in (0, 1], safe to take the logarithm of.</summary>
    public double NextOpenDouble() => 1.0 - NextDouble();

    /// <summary>A standard normal deviate (Box-Muller, one of the pair).</summary>
    public double NextNormal()
    {
        double radius = Math.Sqrt(-2.0 * Math.Log(NextOpenDouble()));
        return radius * Math.Cos(2.0 * Math.PI * NextDouble());
    }
}
