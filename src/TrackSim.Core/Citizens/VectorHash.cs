using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using TrackSim.Core.Randomness;

namespace TrackSim.Core.Citizens;

/// <summary>
/// <see cref="StableHash"/> on four 64-bit values at once, for the citizen rules that draw one
/// hash per citizen. Vector shifts, XORs and 64-bit multiplies wrap exactly like the scalar
/// ones, so each lane equals the scalar hash bit for bit.
/// </summary>
internal static class VectorHash
{
    /// <summary>The multiplier <see cref="StableHash.Combine"/> applies to its second argument.</summary>
    public const ulong IndexMultiplier = 0xD6E8FEB86659FD93UL;

    /// <summary><see cref="StableHash.Mix"/> on four values at once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> Mix(Vector256<ulong> x)
    {
        x += Vector256.Create(0x9E3779B97F4A7C15UL);
        x = (x ^ (x >>> 30)) * Vector256.Create(0xBF58476D1CE4E5B9UL);
        x = (x ^ (x >>> 27)) * Vector256.Create(0x94D049BB133111EBUL);
        return x ^ (x >>> 31);
    }

    /// <summary><see cref="StableHash.ToUnit"/> on four values at once: the top 53 bits as a double in [0,1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> ToUnit(Vector256<ulong> x) =>
        Vector256.ConvertToDouble(x >>> 11) * Vector256.Create(1.0 / (1UL << 53));
}
