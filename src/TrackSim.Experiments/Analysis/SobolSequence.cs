namespace TrackSim.Experiments.Analysis;

/// <summary>
/// The Sobol' low-discrepancy sequence (Sobol' 1967) in up to <see cref="MaxDimensions"/>
/// dimensions, with the direction numbers of Joe and Kuo (2008, file new-joe-kuo-6.21201) and an
/// optional random digital shift.
/// </summary>
/// <remarks>
/// Point n is computed directly as the XOR of the direction numbers selected by the bits of n
/// (natural order rather than Antonov and Saleem's Gray-code order: the first 2^m points are the
/// same set either way, and a point does not depend on the ones before it, so a shard can
/// compute its own points). The digital shift XORs every coordinate with a fixed random 32-bit
/// word per dimension; it keeps the net structure (each of the first 2^m points still falls in
/// its own interval of width 2^-m in every dimension), removes the all-zero first point and makes
/// each seed a different, equally good design. Coordinates are centred in their 2^-32 cell, so
/// they lie strictly inside (0, 1).
/// </remarks>
internal sealed class SobolSequence
{
    private const int Bits = 32;

    private readonly uint[][] _directions;
    private readonly uint[] _shift;

    /// <summary>Creates the sequence in <paramref name="dimensions"/> dimensions, shifted by <paramref name="shift"/> (one word per dimension) or unshifted.</summary>
    public SobolSequence(int dimensions, ReadOnlySpan<uint> shift = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dimensions, MaxDimensions);
        if (!shift.IsEmpty && shift.Length != dimensions)
        {
            throw new ArgumentException("The shift needs one word per dimension.", nameof(shift));
        }

        Dimensions = dimensions;
        _shift = shift.IsEmpty ? new uint[dimensions] : shift.ToArray();
        _directions = new uint[dimensions][];
        for (int d = 0; d < dimensions; d++)
        {
            _directions[d] = DirectionNumbers(d);
        }
    }

    /// <summary>The largest number of dimensions: all primitive polynomials up to degree 8, plus the first dimension.</summary>
    public static int MaxDimensions => JoeKuo.Length + 1;

    /// <summary>The number of dimensions.</summary>
    public int Dimensions { get; }

    /// <summary>
    /// The Joe and Kuo (2008) initial direction numbers for dimensions 2 to 53, as
    /// <c>(s, a, m_1 ... m_s)</c>: the degree s of the primitive polynomial, its inner
    /// coefficients a as bits, and the odd initial numbers <c>m_j &lt; 2^j</c>.
    /// </summary>
    internal static readonly int[][] JoeKuo =
    [
        [1, 0, 1],
        [2, 1, 1, 3],
        [3, 1, 1, 3, 1],
        [3, 2, 1, 1, 1],
        [4, 1, 1, 1, 3, 3],
        [4, 4, 1, 3, 5, 13],
        [5, 2, 1, 1, 5, 5, 17],
        [5, 4, 1, 1, 5, 5, 5],
        [5, 7, 1, 1, 7, 11, 19],
        [5, 11, 1, 1, 5, 1, 1],
        [5, 13, 1, 1, 1, 3, 11],
        [5, 14, 1, 3, 5, 5, 31],
        [6, 1, 1, 3, 3, 9, 7, 49],
        [6, 13, 1, 1, 1, 15, 21, 21],
        [6, 16, 1, 3, 1, 13, 27, 49],
        [6, 19, 1, 1, 1, 15, 7, 5],
        [6, 22, 1, 3, 1, 15, 13, 25],
        [6, 25, 1, 1, 5, 5, 19, 61],
        [7, 1, 1, 3, 7, 11, 23, 15, 103],
        [7, 4, 1, 3, 7, 13, 13, 15, 69],
        [7, 7, 1, 1, 3, 13, 7, 35, 63],
        [7, 8, 1, 3, 5, 9, 1, 25, 53],
        [7, 14, 1, 3, 1, 13, 9, 35, 107],
        [7, 19, 1, 3, 1, 5, 27, 61, 31],
        [7, 21, 1, 1, 5, 11, 19, 41, 61],
        [7, 28, 1, 3, 5, 3, 3, 13, 69],
        [7, 31, 1, 1, 7, 13, 1, 19, 1],
        [7, 32, 1, 3, 7, 5, 13, 19, 59],
        [7, 37, 1, 1, 3, 9, 25, 29, 41],
        [7, 41, 1, 3, 5, 13, 23, 1, 55],
        [7, 42, 1, 3, 7, 3, 13, 59, 17],
        [7, 50, 1, 3, 1, 3, 5, 53, 69],
        [7, 55, 1, 1, 5, 5, 23, 33, 13],
        [7, 56, 1, 1, 7, 7, 1, 61, 123],
        [7, 59, 1, 1, 7, 9, 13, 61, 49],
        [7, 62, 1, 3, 3, 5, 3, 55, 33],
        [8, 14, 1, 3, 1, 15, 31, 13, 49, 245],
        [8, 21, 1, 3, 5, 15, 31, 59, 63, 97],
        [8, 22, 1, 3, 1, 11, 11, 11, 77, 249],
        [8, 38, 1, 3, 1, 11, 27, 43, 71, 9],
        [8, 47, 1, 1, 7, 15, 21, 11, 81, 45],
        [8, 49, 1, 3, 7, 3, 25, 31, 65, 79],
        [8, 50, 1, 3, 1, 1, 19, 11, 3, 205],
        [8, 52, 1, 1, 5, 9, 19, 21, 29, 157],
        [8, 56, 1, 3, 7, 11, 1, 33, 89, 185],
        [8, 67, 1, 3, 3, 3, 15, 9, 79, 71],
        [8, 70, 1, 3, 7, 11, 15, 39, 119, 27],
        [8, 84, 1, 1, 3, 1, 11, 31, 97, 225],
        [8, 97, 1, 1, 1, 3, 23, 43, 57, 177],
        [8, 103, 1, 3, 7, 7, 17, 17, 37, 71],
        [8, 115, 1, 3, 1, 5, 27, 63, 123, 213],
        [8, 122, 1, 1, 3, 5, 11, 43, 53, 133],
    ];

    /// <summary>The 32-bit integer coordinate of point <paramref name="index"/> in dimension <paramref name="dimension"/>, before the shift.</summary>
    public uint Integer(uint index, int dimension)
    {
        uint[] v = _directions[dimension];
        uint x = 0;
        for (int j = 0; index != 0; j++, index >>= 1)
        {
            if ((index & 1) != 0)
            {
                x ^= v[j];
            }
        }

        return x;
    }

    /// <summary>Writes the coordinates of point <paramref name="index"/>, each in (0, 1), into <paramref name="point"/>.</summary>
    public void Point(uint index, Span<double> point)
    {
        if (point.Length != Dimensions)
        {
            throw new ArgumentException($"The point needs {Dimensions} coordinates.", nameof(point));
        }

        for (int d = 0; d < Dimensions; d++)
        {
            point[d] = ((Integer(index, d) ^ _shift[d]) + 0.5) / 4294967296.0;
        }
    }

    /// <summary>The 32 direction numbers <c>v_j = m_j 2^(32 - j)</c> of dimension <paramref name="dimension"/> (zero-based).</summary>
    private static uint[] DirectionNumbers(int dimension)
    {
        var v = new uint[Bits];
        if (dimension == 0)
        {
            // The first dimension is van der Corput's sequence: every m_j is 1.
            for (int j = 0; j < Bits; j++)
            {
                v[j] = 1u << (Bits - 1 - j);
            }

            return v;
        }

        int[] row = JoeKuo[dimension - 1];
        int s = row[0];
        int a = row[1];
        for (int j = 0; j < s; j++)
        {
            v[j] = (uint)row[2 + j] << (Bits - 1 - j);
        }

        // Bratley and Fox's (1988) recurrence, in Joe and Kuo's notation: the inner coefficients
        // of the polynomial are the bits of a, most significant first.
        for (int j = s; j < Bits; j++)
        {
            uint x = v[j - s] ^ (v[j - s] >> s);
            for (int c = 1; c < s; c++)
            {
                if (((a >> (s - 1 - c)) & 1) != 0)
                {
                    x ^= v[j - c];
                }
            }

            v[j] = x;
        }

        return v;
    }
}
