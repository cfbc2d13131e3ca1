using TrackSim.Core.Engine;
using TrackSim.Core.Recording;
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
            Assert.That(Median(result, "fully-aligned", r => Final(r, "track2_agreement", "veterans-dialogue")), Is.EqualTo(0.5));
            Assert.That(Median(result, "base", r => Final(r, "track2_agreement", "veterans-dialogue")), Is.EqualTo(0.5));
            Assert.That(Median(result, "independent", r => Final(r, "track2_agreement", "veterans-dialogue")), Is.EqualTo(1));
        });
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
