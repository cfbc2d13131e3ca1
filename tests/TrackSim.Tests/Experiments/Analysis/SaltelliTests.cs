using TrackSim.Experiments.Analysis;

namespace TrackSim.Tests.Experiments.Analysis;

public sealed class SaltelliTests
{
    private static readonly ParameterRange[] Ranges = [new("a", 0, 1), new("b", -2, 2), new("c", 10, 11), new("d", 0, 5)];

    [TestCase(SaltelliSampler.Sobol)]
    [TestCase(SaltelliSampler.PseudoRandom)]
    public void Each_AB_matrix_is_A_with_one_column_from_B(SaltelliSampler sampler)
    {
        const int n = 64;
        var design = Saltelli.Create(Ranges, n, seed: 5, sampler);
        Assert.That(design.Points, Has.Length.EqualTo(n * (Ranges.Length + 2)));
        Assert.Multiple(() =>
        {
            for (int j = 0; j < n; j++)
            {
                var a = design.Points[design.IndexOfA(j)];
                var b = design.Points[design.IndexOfB(j)];
                for (int i = 0; i < Ranges.Length; i++)
                {
                    var ab = design.Points[design.IndexOfAB(i, j)];
                    for (int c = 0; c < Ranges.Length; c++)
                    {
                        Assert.That(ab[c], Is.EqualTo(c == i ? b[c] : a[c]), $"AB_{i} row {j} column {c}");
                    }
                }

                // A and B are independent draws: no column of a row coincides.
                Assert.That(Enumerable.Range(0, Ranges.Length).Any(c => a[c] == b[c]), Is.False, $"row {j}");
            }
        });
    }

    [Test]
    public void Rows_are_stored_as_blocks_of_A_then_each_AB_then_B()
    {
        var design = Saltelli.Create(Ranges, 8, seed: 1);
        Assert.Multiple(() =>
        {
            Assert.That(design.BlockSize, Is.EqualTo(6));
            Assert.That(design.IndexOfA(2), Is.EqualTo(12));
            Assert.That(design.IndexOfAB(0, 2), Is.EqualTo(13));
            Assert.That(design.IndexOfAB(3, 2), Is.EqualTo(16));
            Assert.That(design.IndexOfB(2), Is.EqualTo(17));
            Assert.That(design.Kind, Is.EqualTo("sobol"));
        });
    }

    [Test]
    public void Points_lie_inside_their_ranges()
    {
        var design = Saltelli.Create(Ranges, 256, seed: 2);
        Assert.Multiple(() =>
        {
            for (int i = 0; i < Ranges.Length; i++)
            {
                Assert.That(design.Points.Select(p => p[i]), Is.All.InRange(Ranges[i].Low, Ranges[i].High), Ranges[i].Path);
            }
        });
    }

    [Test]
    public void The_same_seed_gives_the_same_design_and_another_seed_another()
    {
        var first = Saltelli.Create(Ranges, 32, seed: 77);
        var again = Saltelli.Create(Ranges, 32, seed: 77);
        var other = Saltelli.Create(Ranges, 32, seed: 78);
        Assert.Multiple(() =>
        {
            Assert.That(again.Points.SelectMany(p => p), Is.EqualTo(first.Points.SelectMany(p => p)));
            Assert.That(other.Points.SelectMany(p => p), Is.Not.EqualTo(first.Points.SelectMany(p => p)));
        });
    }

    [Test]
    public void A_Sobol_base_sample_of_a_power_of_two_puts_one_row_of_A_in_each_stratum()
    {
        // The low-discrepancy property the Sobol' sampler is chosen for: 256 rows, 256 strata per column.
        const int n = 256;
        var design = Saltelli.Create(Ranges, n, seed: 4);
        Assert.Multiple(() =>
        {
            for (int i = 0; i < Ranges.Length; i++)
            {
                var range = Ranges[i];
                var strata = Enumerable.Range(0, n).Select(j => (int)((design.Points[design.IndexOfA(j)][i] - range.Low) / range.Width * n)).Distinct();
                Assert.That(strata.Count(), Is.EqualTo(n), range.Path);
            }
        });
    }

    [Test]
    public void More_parameters_than_the_Sobol_table_covers_are_refused_with_a_pointer_to_the_pseudo_random_sampler()
    {
        ParameterRange[] many = [.. Enumerable.Range(0, Saltelli.MaxSobolParameters + 1).Select(i => new ParameterRange($"p{i}", 0, 1))];
        var error = Assert.Throws<ArgumentException>(() => Saltelli.Create(many, 16, seed: 1));
        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("pseudo-random"));
            Assert.That(Saltelli.Create(many, 16, seed: 1, SaltelliSampler.PseudoRandom).Points, Has.Length.EqualTo(16 * (many.Length + 2)));
            Assert.That(Saltelli.MaxSobolParameters, Is.EqualTo(26));
        });
    }
}
