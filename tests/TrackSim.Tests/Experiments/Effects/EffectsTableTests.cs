using TrackSim.Core.Domain;
using TrackSim.Experiments.Effects;
using TrackSim.Experiments.Ensembles;
using TrackSim.Reporting.Effects;
using TrackSim.Tests.Reporting;

namespace TrackSim.Tests.Experiments.Effects;

public sealed class EffectsTableTests
{
    private static EnsembleResult RunTiny(int replicates) =>
        Ensemble.Run(TinyScenario.Load(), new EnsembleOptions { Replicates = replicates, Threads = 2 });

    [Test]
    public void Pairing_by_replicate_shrinks_the_spread_of_differences()
    {
        var ensemble = RunTiny(20);
        var window = EffectWindow.Whole;
        double[] b = [.. EffectsTable.Runs(ensemble, Scenario.BaseVariant).Select(r => window.MeanOf(r.Get("public_trust", "AA").Values))];
        double[] v = [.. EffectsTable.Runs(ensemble, "no-crisis").Select(r => window.MeanOf(r.Get("public_trust", "AA").Values))];
        double[] paired = [.. v.Select((x, i) => x - b[i])];
        double[] unpaired = [.. v.Select((x, i) => x - b[(i + 1) % b.Length])];

        double sdPaired = Sd(paired);
        double sdUnpaired = Sd(unpaired);

        // The variant only removes one event, so a run and its paired base share every random draw
        // (the citizens' initial trust, who meets whom) and differ only by the crisis's mark on public
        // opinion; a third is a loose bound (the measured ratio is under a tenth). Tension pairs less
        // well in so short a run: incidents drawn after the crisis soon differ.
        Assert.That(sdPaired, Is.LessThan(sdUnpaired / 3), $"paired SD {sdPaired}, unpaired SD {sdUnpaired}");
    }

    [Test]
    public void Effects_cover_every_variant_metric_subject_and_window()
    {
        var ensemble = RunTiny(4);

        var rows = EffectsTable.Compute(ensemble);

        var windows = rows.Select(r => r.Window).Distinct().ToList();
        Assert.That(windows, Is.EqualTo((string[])["whole", "after:crisis", "after:summit"]));
        Assert.That(rows.Select(r => r.Variant).Distinct(), Is.EqualTo((string[])["no-crisis"]));
        var tension = rows.Single(r => r is { Metric: "tension", Subject: "AA-BB", Window: "after:crisis" });
        Assert.Multiple(() =>
        {
            Assert.That(tension.N, Is.EqualTo(4));
            Assert.That(tension.MeanDifference, Is.EqualTo(tension.MeanVariant - tension.MeanBase).Within(1e-12));
            Assert.That(tension.Low, Is.LessThanOrEqualTo(tension.MeanDifference));
            Assert.That(tension.High, Is.GreaterThanOrEqualTo(tension.MeanDifference));

            // Without the crisis, tension after its date should be lower in every paired run.
            Assert.That(tension.MeanDifference, Is.Negative);
            Assert.That(tension.FractionHigher, Is.Zero);
        });
    }

    [Test]
    public void A_window_after_an_event_starts_at_the_value_recorded_after_its_step()
    {
        var scenario = TinyScenario.Load();

        var windows = EffectsTable.Windows(scenario);

        // The crisis is dated 2001-03, step 14 of a monthly calendar from 2000-01.
        var crisis = windows.Single(w => w.EventId == "crisis");
        Assert.That((crisis.EventStep, crisis.First), Is.EqualTo((14, 15)));
        Assert.That(crisis.MeanOf([9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 1, 3]), Is.EqualTo(2.0));
    }

    [Test]
    public void No_effects_without_a_variant_to_compare()
    {
        var ensemble = Ensemble.Run(TinyScenario.Load(), new EnsembleOptions { Replicates = 2, Threads = 2, Variants = ["base"] });

        Assert.That(EffectsTable.Compute(ensemble), Is.Empty);
    }

    [Test]
    public void Recovery_counts_every_replicate_as_recovered_or_censored()
    {
        var ensemble = RunTiny(4);

        var rows = RecoveryTable.Compute(ensemble);

        // Only the crisis is hostile; the summit is cooperative and has no recovery rows.
        Assert.That(rows.Select(r => r.Event).Distinct(), Is.EqualTo((string[])["crisis"]));
        Assert.That(rows.Select(r => (r.Variant, r.Measure)), Is.EquivalentTo(new[]
        {
            ("base", RecoveryTable.TensionMeasure), ("base", RecoveryTable.DialogueMeasure),
            ("no-crisis", RecoveryTable.TensionMeasure), ("no-crisis", RecoveryTable.DialogueMeasure),
        }));
        Assert.That(rows.Select(r => r.Recovered + r.Censored), Is.All.EqualTo(4));
    }

    [Test]
    public void Csv_leaves_undefined_values_empty_rather_than_NaN()
    {
        var ensemble = RunTiny(1);
        using var writer = new StringWriter();

        EffectsCsv.Write(writer, EffectsTable.Compute(ensemble));

        string text = writer.ToString();
        string[] lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Is.EqualTo(EffectsCsv.Header));
        Assert.That(text, Does.Not.Contain("NaN"));

        // One replicate has no confidence interval: both bounds are empty cells.
        string[] first = lines[1].Split(',');
        Assert.That((first[8], first[9]), Is.EqualTo((string.Empty, string.Empty)));
    }

    private static double Sd(double[] x)
    {
        double mean = x.Average();
        return Math.Sqrt(x.Sum(d => (d - mean) * (d - mean)) / (x.Length - 1));
    }
}
