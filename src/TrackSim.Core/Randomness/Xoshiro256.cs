namespace TrackSim.Core.Randomness;

/// <summary>
/// The xoshiro256** generator (Blackman and Vigna 2018) as a <see cref="Random"/> subclass, seeded
/// through SplitMix64 from one 64-bit seed. Its sequence is fixed by this code, not by the
/// runtime, so results are identical across .NET versions and machines.
/// </summary>
public sealed class Xoshiro256 : Random
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>Creates a generator from a 64-bit seed.</summary>
#pragma warning disable RS0030 // The base constructor is the only way to subclass Random; its own state is never used.
    public Xoshiro256(ulong seed)
#pragma warning restore RS0030
    {
        ulong x = seed;
        _s0 = StableHash.Mix(x);
        x += 0x9E3779B97F4A7C15UL;
        _s1 = StableHash.Mix(x);
        x += 0x9E3779B97F4A7C15UL;
        _s2 = StableHash.Mix(x);
        x += 0x9E3779B97F4A7C15UL;
        _s3 = StableHash.Mix(x);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <inheritdoc />
    public override double NextDouble() => StableHash.ToUnit(NextUInt64());

    /// <inheritdoc />
    protected override double Sample() => NextDouble();

    /// <inheritdoc />
    public override int Next() => (int)(NextUInt64() >> 33);

    /// <inheritdoc />
    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return (int)NextInt64(maxValue);
    }

    /// <inheritdoc />
    public override int Next(int minValue, int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        return (int)(minValue + NextInt64((long)maxValue - minValue));
    }

    /// <inheritdoc />
    public override long NextInt64() => (long)(NextUInt64() >> 1);

    /// <inheritdoc />
    public override long NextInt64(long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        if (maxValue <= 1)
        {
            return 0;
        }

        // Lemire's multiply-shift with rejection: unbiased and fast.
        ulong range = (ulong)maxValue;
        UInt128 m = (UInt128)NextUInt64() * range;
        ulong low = (ulong)m;
        if (low < range)
        {
            ulong threshold = (0 - range) % range;
            while (low < threshold)
            {
                m = (UInt128)NextUInt64() * range;
                low = (ulong)m;
            }
        }

        return (long)(m >> 64);
    }

    /// <inheritdoc />
    public override long NextInt64(long minValue, long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        return minValue + NextInt64(maxValue - minValue);
    }

    /// <inheritdoc />
    public override void NextBytes(byte[] buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        NextBytes(buffer.AsSpan());
    }

    /// <inheritdoc />
    public override void NextBytes(Span<byte> buffer)
    {
        for (int i = 0; i < buffer.Length; i++)
        {
            buffer[i] = (byte)(NextUInt64() >> 56);
        }
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
