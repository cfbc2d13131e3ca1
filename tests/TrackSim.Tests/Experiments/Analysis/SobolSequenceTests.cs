using TrackSim.Experiments.Analysis;

namespace TrackSim.Tests.Experiments.Analysis;

public sealed class SobolSequenceTests
{
    private const double TwoTo32 = 4294967296.0;

    [Test]
    public void The_direction_table_lists_every_primitive_polynomial_of_degree_1_to_8_in_order()
    {
        // Joe and Kuo take the primitive polynomials of each degree in increasing order of a;
        // there are 1, 1, 2, 2, 6, 6, 18 and 16 of degrees 1 to 8. A mistyped s or a shows up here.
        var expected = new List<(int S, int A)>();
        for (int s = 1; s <= 8; s++)
        {
            for (int a = 0; a < 1 << (s - 1); a++)
            {
                if (IsPrimitive(s, a))
                {
                    expected.Add((s, a));
                }
            }
        }

        Assert.That(SobolSequence.JoeKuo.Select(row => (row[0], row[1])), Is.EqualTo(expected));
    }

    [Test]
    public void Every_initial_direction_number_is_odd_and_below_two_to_its_index()
    {
        Assert.Multiple(() =>
        {
            foreach (int[] row in SobolSequence.JoeKuo)
            {
                int s = row[0];
                Assert.That(row, Has.Length.EqualTo(s + 2));
                for (int j = 1; j <= s; j++)
                {
                    int m = row[1 + j];
                    Assert.That(m % 2 == 1 && m < 1 << j, Is.True, $"s={s} a={row[1]} m_{j}={m}");
                }
            }
        });
    }

    [Test]
    public void The_first_eight_points_in_three_dimensions_are_the_published_ones()
    {
        // The unscrambled sequence as SciPy lists it (Gray-code order; the set is the same).
        double[][] published =
        [
            [0, 0, 0], [0.5, 0.5, 0.5], [0.75, 0.25, 0.25], [0.25, 0.75, 0.75],
            [0.375, 0.375, 0.625], [0.875, 0.875, 0.125], [0.625, 0.125, 0.875], [0.125, 0.625, 0.375],
        ];
        var sequence = new SobolSequence(3);
        var points = Enumerable.Range(0, 8)
            .Select(n => Enumerable.Range(0, 3).Select(d => sequence.Integer((uint)n, d) / TwoTo32).ToArray())
            .OrderBy(p => p[0]).ToArray();
        Assert.That(points, Is.EqualTo(published.OrderBy(p => p[0]).ToArray()));
    }

    [Test]
    public void The_first_two_to_the_m_points_fill_every_interval_of_width_two_to_minus_m_in_every_dimension()
    {
        const int m = 10;
        var shifted = new SobolSequence(SobolSequence.MaxDimensions, Enumerable.Range(1, SobolSequence.MaxDimensions).Select(d => (uint)d * 2654435761u).ToArray());
        var point = new double[SobolSequence.MaxDimensions];
        var cells = new HashSet<int>[SobolSequence.MaxDimensions];
        for (int d = 0; d < cells.Length; d++)
        {
            cells[d] = [];
        }

        for (uint n = 0; n < 1 << m; n++)
        {
            shifted.Point(n, point);
            for (int d = 0; d < point.Length; d++)
            {
                Assert.That(point[d], Is.GreaterThan(0).And.LessThan(1));
                cells[d].Add((int)(point[d] * (1 << m)));
            }
        }

        Assert.That(cells.Select(c => c.Count), Is.All.EqualTo(1 << m));
    }

    [Test]
    public void The_first_two_dimensions_form_a_0_m_2_net()
    {
        // Every dyadic box of area 2^-m holds exactly one of the first 2^m points: Sobol''s
        // t-value of the first two dimensions is 0.
        const int m = 8;
        var sequence = new SobolSequence(2);
        for (int m1 = 0; m1 <= m; m1++)
        {
            int m2 = m - m1;
            var boxes = new HashSet<(uint, uint)>();
            for (uint n = 0; n < 1 << m; n++)
            {
                boxes.Add((Top(sequence.Integer(n, 0), m1), Top(sequence.Integer(n, 1), m2)));
            }

            Assert.That(boxes, Has.Count.EqualTo(1 << m), $"boxes of 2^-{m1} by 2^-{m2}");
        }
    }

    // The leading bits of a coordinate; a C# shift by 32 would be a shift by 0.
    private static uint Top(uint x, int bits) => bits == 0 ? 0 : x >> (32 - bits);

    // x has order 2^s - 1 modulo P = x^s + a_1 x^(s-1) + ... + a_(s-1) x + 1 exactly when P is primitive.
    private static bool IsPrimitive(int s, int a)
    {
        int poly = (1 << s) | (a << 1) | 1;
        int period = (1 << s) - 1;
        int x = 1;
        for (int k = 1; k <= period; k++)
        {
            x <<= 1;
            if ((x & (1 << s)) != 0)
            {
                x ^= poly;
            }

            if (x == 1)
            {
                return k == period;
            }
        }

        return false;
    }
}
