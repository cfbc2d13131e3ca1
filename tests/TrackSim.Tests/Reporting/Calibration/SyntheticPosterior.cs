using System.Collections.Immutable;
using TrackSim.Reporting.Calibration;

namespace TrackSim.Tests.Reporting.Calibration;

/// <summary>
/// Weighted posterior samples and predictive bands made from known distributions, for the chart
/// tests and the example images: no model is run.
/// </summary>
internal static class SyntheticPosterior
{
    /// <summary>
    /// <paramref name="n"/> particles of a known posterior by importance sampling, so the weights
    /// vary as an ABC-SMC generation's do: drawn from the target widened 1.5 times and cut to the
    /// priors, and weighted by the target over the proposal. The target is a bivariate normal in
    /// the first two parameters (means 0.35 and 1.6, standard deviations 0.08 and 0.5, correlation
    /// <paramref name="rho"/>), flat in the third (the data say nothing about it) and a narrow
    /// normal in each further one.
    /// </summary>
    public static (IReadOnlyList<PosteriorParameter> Parameters, double[] Weights) Sample(int k, int n, double rho = 0.7, int seed = 2026)
    {
        const double widen = 1.5;
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        // The first two are drawn whatever k is, so one parameter alone is the first of the pair.
        var values = new double[Math.Max(k, 2)][];
        for (int j = 0; j < values.Length; j++)
        {
            values[j] = new double[n];
        }

        var weights = new double[n];
        for (int i = 0; i < n; i++)
        {
            double z1;
            double z2;
            do
            {
                z1 = Normal() * widen;
                z2 = (rho * z1) + (Math.Sqrt(1 - (rho * rho)) * Normal() * widen);
            }
            while (!Inside(0, 0.35 + (0.08 * z1)) || !Inside(1, 1.6 + (0.5 * z2)));

            values[0][i] = 0.35 + (0.08 * z1);
            values[1][i] = 1.6 + (0.5 * z2);
            double quadratic = ((z1 * z1) - (2 * rho * z1 * z2) + (z2 * z2)) / (1 - (rho * rho));
            if (k > 2)
            {
                values[2][i] = Priors[2].Low + (random.NextDouble() * (Priors[2].High - Priors[2].Low));
            }

            for (int j = 3; j < k; j++)
            {
                double width = Priors[j].High - Priors[j].Low;
                double centre = Priors[j].Low + (width * (0.2 + (0.08 * j)));
                double z;
                do
                {
                    z = Normal() * widen;
                }
                while (!Inside(j, centre + (z * width * 0.1)));

                values[j][i] = centre + (z * width * 0.1);
                quadratic += z * z;
            }

            // Target over proposal: the proposal's density is the target's with every z divided by 1.5.
            weights[i] = Math.Exp(-quadratic / 2 * (1 - (1 / (widen * widen))));
        }

        double sum = weights.Sum();
        for (int i = 0; i < n; i++)
        {
            weights[i] /= sum;
        }

        return ([.. Enumerable.Range(0, k).Select(j => new PosteriorParameter(Priors[j].Key, Priors[j].Unit, Priors[j].Low, Priors[j].High, [.. values[j]]))], weights);
    }

    private static readonly (string Key, string Unit, double Low, double High)[] Priors =
    [
        ("parameters.posture.fear", "1/year", 0, 1),
        ("parameters.track2.transfer_rate", "1/year", 0, 4),
        ("parameters.media.reach", "0–1", 0, 1),
        ("parameters.influence.convergence", "", 0, 0.5),
        ("citizens.contact.effect", "0–1", 0, 1),
        ("events[crisis].severity", "0–1", 0, 1),
        ("parameters.spoilers.strength", "", 0, 2),
        ("parameters.incidents.rate", "1/year", 0, 12),
    ];

    private static bool Inside(int j, double value) => value >= Priors[j].Low && value <= Priors[j].High;

    /// <summary>
    /// A predictive band of a metric on 0–1 over 1990–2020 (a slow rise with a dip after 2008)
    /// and observations every third year, some with a range, from two sources.
    /// </summary>
    public static PredictiveChartInput Predictive()
    {
        var dates = Enumerable.Range(0, 31 * 4).Select(q => new DateOnly(1990, 1, 1).AddMonths(q * 3)).ToImmutableArray();
        double Centre(DateOnly d)
        {
            double t = (d.DayNumber - dates[0].DayNumber) / 365.25;
            double dip = d.Year >= 2008 ? -0.12 * Math.Exp(-(t - 18) / 3) : 0;
            return 0.25 + (0.4 * t / 31) + dip;
        }

        double Spread(DateOnly d) => 0.03 + (0.004 * ((d.DayNumber - dates[0].DayNumber) / 365.25));
        var band = new PredictiveBand(
            dates,
            [.. dates.Select(Centre)],
            [.. dates.Select(d => Centre(d) - (1.9 * Spread(d)))],
            [.. dates.Select(d => Centre(d) + (2.1 * Spread(d)))],
            [.. dates.Select(d => Centre(d) - (0.8 * Spread(d)))],
            [.. dates.Select(d => Centre(d) + (0.8 * Spread(d)))]);
        var observed = Enumerable.Range(0, 11)
            .Select(i => new DateOnly(1990 + (3 * i), 7, 1))
            .Select((d, i) => i % 2 == 0
                ? new ObservedPoint(d, Centre(d) + (0.03 * Math.Sin(i * 1.7)), Centre(d) - 0.05, Centre(d) + 0.06, "official figures")
                : new ObservedPoint(d, Centre(d) + (0.04 * Math.Cos(i * 1.3)), null, null, "press reports"))
            .ToImmutableArray();
        return new PredictiveChartInput(
            "Posterior predictive: public trust, Northland",
            "Public trust",
            "0–1",
            band,
            observed,
            "200 particles × 5 runs; noise: 40 runs at the posterior medians",
            Floor: 0,
            Ceiling: 1);
    }
}
