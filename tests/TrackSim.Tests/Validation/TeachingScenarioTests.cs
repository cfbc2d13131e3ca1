using TrackSim.Core.Recording;
using TrackSim.Experiments.Ensembles;
using TrackSim.Scenarios.Loading;

namespace TrackSim.Tests.Validation;

/// <summary>
/// Each teaching scenario shows its lesson on its own seed and replicate count (docs/TEACHING.md):
/// the comparisons are between ensemble medians of paired variants, and each holds with a margin.
/// </summary>
public sealed class TeachingScenarioTests
{
    private static EnsembleResult Run(string name)
    {
        var result = ScenarioLoader.LoadFile(RepositoryFiles.PathOf($"scenarios/teaching/{name}.yaml"));
        Assert.That(result.Errors, Is.Empty);
        return Ensemble.Run(result.Scenario!, new EnsembleOptions { Threads = 2 });
    }

    private static double Median(EnsembleResult result, string variant, Func<RunResult, double> measure)
    {
        var values = result.RunsOf(variant).Select(measure).Order().ToArray();
        return (values[(values.Length - 1) / 2] + values[values.Length / 2]) / 2;
    }

    private static double Final(RunResult run, string metric, string subject) => run.Get(metric, subject).Values[^1];

    private static double Mean(RunResult run, string metric, string subject) => run.Get(metric, subject).Values.Average();

    [Test]
    public void Functional_spillover_raises_public_trust_and_links_without_it_do_less()
    {
        var result = Run("functional-spillover");
        double with = Median(result, "base", r => Final(r, "public_trust", "NA"));
        double without = Median(result, "no-spillover", r => Final(r, "public_trust", "NA"));
        double none = Median(result, "no-links", r => Final(r, "public_trust", "NA"));
        Assert.Multiple(() =>
        {
            Assert.That(with, Is.GreaterThan(without + 0.03));
            Assert.That(without, Is.GreaterThan(none + 0.03));
            Assert.That(Median(result, "base", r => Final(r, "functional_links_active", "NA-SO")), Is.GreaterThan(Median(result, "no-spillover", r => Final(r, "functional_links_active", "NA-SO"))));
        });
    }

    [Test]
    public void The_realist_lens_reads_the_same_history_as_more_tense()
    {
        var result = Run("realist-vs-functionalist");
        Assert.That(Median(result, "realist-lens", r => Mean(r, "tension", "NA-SO")), Is.GreaterThan(Median(result, "base", r => Mean(r, "tension", "NA-SO")) + 0.1));
    }

    [Test]
    public void Independent_participants_agree_on_the_core_issue_and_aligned_ones_only_on_trade()
    {
        // Two topics: agreement 0.5 means trade only, 1 means the border too.
        var result = Run("co-optation");
        Assert.Multiple(() =>
        {
            Assert.That(Median(result, "base", r => Final(r, "track2_agreement", "veterans-dialogue")), Is.EqualTo(0.5));
            Assert.That(Median(result, "half-aligned", r => Final(r, "track2_agreement", "veterans-dialogue")), Is.EqualTo(1));
            Assert.That(Median(result, "independent", r => Final(r, "track2_agreement", "veterans-dialogue")), Is.EqualTo(1));
        });
    }

    [Test]
    public void Participants_near_the_alignment_threshold_agree_on_the_border_later_than_independent_ones()
    {
        // The lesson's chart: half-aligned reaches both topics about a year after independent
        // (medians of February 2005 against February 2004 for the first step past one topic).
        var result = Run("co-optation");
        double independent = Median(result, "independent", r => FirstStepAbove(r, 0.5));
        double halfAligned = Median(result, "half-aligned", r => FirstStepAbove(r, 0.5));
        Assert.That(halfAligned - independent, Is.InRange(6, 24), "months between the two variants' first agreement on the border");
    }

    private static int FirstStepAbove(RunResult run, double level)
    {
        var values = run.Get("track2_agreement", "veterans-dialogue").Values;
        for (int step = 0; step < values.Length; step++)
        {
            if (values[step] > level)
            {
                return step;
            }
        }

        return values.Length;
    }

    [Test]
    public void Unbroken_engagement_keeps_the_dialogue_open_longer_than_a_paused_channel()
    {
        var result = Run("unbroken-engagement");
        Assert.That(Median(result, "base", r => Mean(r, "dialogue_open", "NA-SO")), Is.GreaterThan(Median(result, "paused", r => Mean(r, "dialogue_open", "NA-SO")) + 0.03));
    }

    [Test]
    public void Insiders_with_access_get_more_recommendations_adopted_than_independent_outsiders()
    {
        var result = Run("transfer");
        Assert.That(Median(result, "base", r => Final(r, "recommendations_adopted", "insiders")), Is.GreaterThan(3 * Median(result, "outsiders", r => Final(r, "recommendations_adopted", "outsiders"))));
    }

    [Test]
    public void A_generation_with_less_shared_language_ends_with_less_trust()
    {
        var result = Run("youth-and-language");
        Assert.That(Median(result, "no-generational-change", r => Final(r, "public_trust", "NA")), Is.GreaterThan(Median(result, "base", r => Final(r, "public_trust", "NA")) + 0.03));
    }
}
