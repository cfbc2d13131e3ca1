using TrackSim.Core.Domain;
using TrackSim.Core.Engine;
using TrackSim.Core.Recording;
using TrackSim.Experiments.Ensembles;
using TrackSim.Reporting.Data;
using TrackSim.Scenarios.Loading;

// CA1861: expected lists read best inline, next to what they check; each test runs once.
#pragma warning disable CA1861

namespace TrackSim.Tests.Core.Recording;

/// <summary>The histogram and cluster count of citizens' trust, and what recording them leaves alone.</summary>
public sealed class DistributionTests
{
    // Citizens who listen to no one but their neighbours, with nothing else moving their trust:
    // what bounded confidence alone makes of a wide initial distribution.
    private const string BoundedConfidence = """
        name: bounded
        calendar: { start: 2000-01, end: 2004-12, step: month }
        states:
          - { id: AA, name: Atlantis }
          - { id: BB, name: Borduria }
        citizens:
          per_state: 400
          initial_trust: { AA: { mean: 0.5, sd: 0.28 }, BB: { mean: 0.5, sd: 0.28 } }
          network: { kind: well_mixed }
        parameters: { influence: { rate: 60, confidence_bound: BOUND } }
        mechanisms: { opinion_noise: false, media: false, contact: false, turnover: false, outreach: false }
        ensemble: { replicates: 1, seed: 3 }
        outputs: { distributions: { every: 12, bins: 20 }, networks: { at: [] } }
        """;

    private static Scenario Load(string yaml)
    {
        var result = ScenarioLoader.LoadText(yaml, "test.yaml");
        Assert.That(result.Errors, Is.Empty, string.Join(Environment.NewLine, result.Errors));
        return result.Scenario!;
    }

    [Test]
    public void A_histogram_counts_each_value_in_its_equal_bin_and_trust_1_in_the_last()
    {
        float[] trust = [0f, 0.04f, 0.05f, 0.5f, 0.99f, 1f];
        int[] counts = new int[20];
        Distributions.Histogram(trust, counts);
        int[] expected = new int[20];
        expected[0] = 2;
        expected[1] = 1;
        expected[10] = 1;
        expected[19] = 2;
        Assert.That(counts, Is.EqualTo(expected));
    }

    [Test]
    public void Two_groups_further_apart_than_the_bound_are_two_clusters_and_a_consensus_is_one()
    {
        float[] split = [0.82f, 0.1f, 0.12f, 0.8f, 0.15f, 0.85f];
        float[] before = [.. split];
        Assert.That(Distributions.Clusters(split, 0.3), Is.EqualTo(2));
        Assert.That(split, Is.EqualTo(before), "the values are only read");

        // Gaps of 0.7 - 0.15 = 0.55 bridge under a bound of 0.6: one cluster.
        float[] bridged = [0.1f, 0.12f, 0.15f, 0.7f, 0.72f];
        Assert.That(Distributions.Clusters(bridged, 0.6), Is.EqualTo(1));

        float[] consensus = [0.5f, 0.52f, 0.49f, 0.51f];
        Assert.That(Distributions.Clusters(consensus, 0.05), Is.EqualTo(1));
    }

    /// <summary>
    /// The one-pass bucket count gives what sorting and walking the values gives, on publics of
    /// every shape the model makes: consensus, a few clusters, many, uniform spread, values on the
    /// bucket edges (multiples of the bound, where rounding decides the bucket), gaps just under
    /// and just over the bound, and bounds so small that the count falls back to sorting.
    /// </summary>
    [Test]
    public void Counting_clusters_in_buckets_agrees_with_sorting_on_every_shape_of_public()
    {
        var random = new Random(20261207);
        double[] bounds = [0.5, 0.3, 0.2, 0.1, 0.05, 0.01, 1e-3, 1e-5, 1e-7];
        for (int trial = 0; trial < 400; trial++)
        {
            int n = random.Next(1, 3000);
            double bound = bounds[trial % bounds.Length];
            float[] trust = (trial % 5) switch
            {
                0 => [.. Enumerable.Range(0, n).Select(_ => (float)random.NextDouble())],
                1 => Clustered(random, n, random.Next(1, 8), 0.02),
                2 => [.. Enumerable.Range(0, n).Select(_ => (float)(random.Next(0, (int)Math.Min(1 / bound, 50) + 1) * bound))],
                3 => [.. Enumerable.Range(0, n).Select(i => (float)(0.1 + (i % 7) * bound * (i % 2 == 0 ? 0.999999 : 1.000001)))],
                _ => Clustered(random, n, random.Next(1, 40), 0.001),
            };
            Assert.That(
                Distributions.Clusters(trust, bound),
                Is.EqualTo(Distributions.ClustersBySorting(trust, bound)),
                $"trial {trial}: {n} values, bound {bound}");
        }
    }

    private static float[] Clustered(Random random, int n, int groups, double spread)
    {
        double[] centres = [.. Enumerable.Range(0, groups).Select(_ => random.NextDouble())];
        return [.. Enumerable.Range(0, n).Select(_ => (float)Math.Clamp(centres[random.Next(groups)] + ((random.NextDouble() - 0.5) * spread), 0, 1))];
    }

    [Test]
    public void A_group_below_the_smallest_share_is_a_straggler_not_a_cluster()
    {
        // 199 citizens together and one far away: 0.5% of the public, under the 1% that counts.
        float[] trust = [.. Enumerable.Repeat(0.3f, 199), 0.95f];
        Assert.That(Distributions.Clusters(trust, 0.2), Is.EqualTo(1));
        trust = [.. Enumerable.Repeat(0.3f, 198), 0.95f, 0.95f];
        Assert.That(Distributions.Clusters(trust, 0.2), Is.EqualTo(2), "2 of 200 is 1% and counts");
    }

    [Test]
    public void Every_recorded_histogram_holds_the_whole_public_at_step_0_every_n_steps_and_the_last()
    {
        var scenario = Load(BoundedConfidence.Replace("BOUND", "0.3", StringComparison.Ordinal));
        scenario = scenario with { Outputs = scenario.Outputs with { Distributions = new DistributionOutput(7, 10) } };
        var run = new Simulation(scenario, 0).Run();
        int[] steps = [.. run.Distributions.Select(d => d.Step).Distinct()];
        Assert.That(steps, Is.EqualTo(new[] { 0, 7, 14, 21, 28, 35, 42, 49, 56, 60 }), "points 0 to 60 of 60 monthly steps: every 7th and the last");
        Assert.That(run.Distributions.Select(d => d.Subject).Distinct(), Is.EqualTo(new[] { "AA", "BB" }));
        foreach (var snapshot in run.Distributions)
        {
            Assert.That(snapshot.Counts, Has.Length.EqualTo(10));
            Assert.That(snapshot.Population, Is.EqualTo(400));
            Assert.That(Enumerable.Range(0, 10).Sum(snapshot.Share), Is.EqualTo(1).Within(1e-12), "the shares of a public add up to 1");
            Assert.That(snapshot.Date, Is.EqualTo(scenario.Calendar.DateOf(snapshot.Step)));
        }
    }

    [Test]
    public void A_histogram_holds_the_trust_of_the_recorded_point_exactly()
    {
        var scenario = Load(BoundedConfidence.Replace("BOUND", "0.3", StringComparison.Ordinal));
        var simulation = new Simulation(scenario, 0);
        var trust = simulation.World.Citizens.Population.TrustIn(0)[..400];
        int[] expected = new int[20];
        Distributions.Histogram(trust, expected);
        var first = simulation.Result().Distributions[0];
        Assert.That(first.Subject, Is.EqualTo("AA"));
        Assert.That(first.Counts, Is.EqualTo(expected));
    }

    [Test]
    public void A_small_confidence_bound_leaves_more_opinion_clusters_than_a_large_one()
    {
        int Clusters(string bound)
        {
            var run = new Simulation(Load(BoundedConfidence.Replace("BOUND", bound, StringComparison.Ordinal)), 0).Run();
            return run.Distributions.Where(d => d.Step == run.Dates.Length - 1).Sum(d => d.Clusters);
        }

        // Deffuant et al. (2000): about 1/(2 epsilon) clusters, so several at 0.1 and one at 0.5, in each public.
        int narrow = Clusters("0.1");
        int wide = Clusters("0.5");
        Assert.That(wide, Is.EqualTo(2), "one cluster in each of the two publics");
        Assert.That(narrow, Is.GreaterThanOrEqualTo(4), "at least two clusters in each public");
    }

    [Test]
    public void Recording_distributions_and_networks_changes_no_series_and_no_summary()
    {
        var scenario = Load(BoundedConfidence.Replace("BOUND", "0.2", StringComparison.Ordinal));
        var off = scenario with { Outputs = scenario.Outputs with { Distributions = new DistributionOutput(0, 20), Networks = new NetworkOutput([]) } };
        var on = scenario with { Outputs = scenario.Outputs with { Distributions = new DistributionOutput(1, 50), Networks = NetworkOutput.Default } };
        var options = new EnsembleOptions { Replicates = 2, Threads = 2 };
        var withOut = Ensemble.Run(off, options);
        var with = Ensemble.Run(on, options);
        Assert.That(with.Runs.All(r => r.Distributions.Length > 0 && r.Networks.Length == 1), "the second ensemble recorded");
        Assert.That(withOut.Runs.All(r => r.Distributions.IsEmpty && r.Networks.IsEmpty), "the first recorded nothing");
        Assert.That(Csv(w => SeriesCsv.Write(w, with)), Is.EqualTo(Csv(w => SeriesCsv.Write(w, withOut))));
        Assert.That(
            Csv(w => SummaryCsv.Write(w, SummaryTable.FromEnsemble(with))),
            Is.EqualTo(Csv(w => SummaryCsv.Write(w, SummaryTable.FromEnsemble(withOut)))));
        Assert.That(Csv(w => EventsCsv.Write(w, with)), Is.EqualTo(Csv(w => EventsCsv.Write(w, withOut))));
    }

    private static string Csv(Action<TextWriter> write)
    {
        using var writer = new StringWriter();
        write(writer);
        return writer.ToString();
    }
}
