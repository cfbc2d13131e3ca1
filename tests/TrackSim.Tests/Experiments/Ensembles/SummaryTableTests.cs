using MathNet.Numerics.Statistics;
using TrackSim.Experiments.Ensembles;

namespace TrackSim.Tests.Experiments.Ensembles;

public sealed class SummaryTableTests
{
    private static readonly double[] Close = [0.1737383, 0.1737421, 0.17373445];

    [Test]
    public void Standard_deviation_uses_n_minus_1_and_is_0_for_one_replicate()
    {
        var (mean, sd) = SummaryTable.MeanAndSd([2, 4, 4, 4, 5, 5, 7, 9]);
        var (single, zero) = SummaryTable.MeanAndSd([3.5]);

        using (Assert.EnterMultipleScope())
        {
            // Population SD of this classic sample is 2; the sample SD is 2 * sqrt(8/7).
            Assert.That(mean, Is.EqualTo(5));
            Assert.That(sd, Is.EqualTo(2 * Math.Sqrt(8.0 / 7.0)).Within(1e-12));
            Assert.That(single, Is.EqualTo(3.5));
            Assert.That(zero, Is.Zero);
        }
    }

    [Test]
    public void Mean_and_sd_match_NumPy_to_the_last_bit_where_MathNet_does_not()
    {
        // numpy: x.mean() = 0.17373828333333333, x.std(ddof=1) = 3.825027233017492e-06.
        var (mean, sd) = SummaryTable.MeanAndSd(Close);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(mean, Is.EqualTo(0.17373828333333333));
            Assert.That(sd, Is.EqualTo(3.825027233017492e-06));

            // Why MeanAndSd does not call MathNet.Numerics: its one-pass variance loses digits here.
            Assert.That(Close.StandardDeviation(), Is.Not.EqualTo(3.825027233017492e-06));
        }
    }
}
