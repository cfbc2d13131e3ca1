using System.Text;

namespace TrackSim.Core.Randomness;

/// <summary>
/// Fixed, documented hashes for deriving random streams: FNV-1a (64-bit) for names and the
/// SplitMix64 finaliser for mixing. Unlike <c>string.GetHashCode()</c> they are the same in
/// every process, on every machine and in every version.
/// </summary>
public static class StableHash
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    /// <summary>FNV-1a 64-bit hash of the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static ulong Fnv1a(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        ulong hash = FnvOffset;
        foreach (byte b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * FnvPrime;
        }

        return hash;
    }

    /// <summary>The SplitMix64 finaliser (Steele, Lea and Flood 2014): a bijective 64-bit mixer.</summary>
    public static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    /// <summary>Combines two values into one well-mixed value (order matters).</summary>
    public static ulong Combine(ulong a, ulong b) => Mix(Mix(a) ^ (b * 0xD6E8FEB86659FD93UL));

    /// <summary>A uniform double in [0, 1) from the top 53 bits of a mixed value.</summary>
    public static double ToUnit(ulong x) => (x >> 11) * (1.0 / (1UL << 53));
}
