using TrackSim.Experiments.Analysis;

namespace TrackSim.Tests.Experiments.Analysis;

public sealed class RecoverySummaryTests
{
    [Test]
    public void Without_censoring_the_Kaplan_Meier_median_is_the_ordinary_median()
    {
        var odd = RecoverySummary.Of([5, 1, 9]);
        var even = RecoverySummary.Of([4, 10, 2, 8]);
        Assert.Multiple(() =>
        {
            Assert.That(odd, Is.EqualTo(new RecoverySummary(3, 3, 0, 5, 5)));
            Assert.That(even, Is.EqualTo(new RecoverySummary(4, 4, 0, 6, 6)));
        });
    }

    [Test]
    public void Censored_replicates_are_counted_and_move_the_Kaplan_Meier_median_up()
    {
        // Five replicates, two never recover: the recovered alone have median 3, but S(t) is
        // 4/5 after t = 2, 3/5 after t = 3 and 2/5 after t = 7, so half had recovered only by 7.
        var summary = RecoverySummary.Of([2, null, 7, 3, null]);
        Assert.That(summary, Is.EqualTo(new RecoverySummary(5, 3, 2, 3, 7)));
    }

    [Test]
    public void Exactly_half_recovered_gives_the_last_recovery_time_as_median()
    {
        // S(t) falls to exactly 1/2 at t = 6 and stays there: by 6 half had recovered.
        var summary = RecoverySummary.Of([1, 6, null, null]);
        Assert.That(summary.KaplanMeierMedian, Is.EqualTo(6));
    }

    [Test]
    public void When_most_never_recover_the_median_is_not_reached_and_says_so()
    {
        var summary = RecoverySummary.Of([4, null, null]);
        Assert.Multiple(() =>
        {
            Assert.That(summary.KaplanMeierMedian, Is.Null);
            Assert.That(summary.MedianAmongRecovered, Is.EqualTo(4));
            Assert.That(summary.Censored, Is.EqualTo(2));
        });
    }

    [Test]
    public void When_none_recover_both_medians_are_absent_and_all_are_censored()
    {
        Assert.That(RecoverySummary.Of([null, null]), Is.EqualTo(new RecoverySummary(2, 0, 2, null, null)));
    }

    [Test]
    public void Tied_recovery_times_are_one_step_of_the_estimate()
    {
        // Three of four recover at step 3: S drops from 1 to 1/4 there.
        Assert.That(RecoverySummary.Of([3, 3, 3, null]).KaplanMeierMedian, Is.EqualTo(3));
    }

    [Test]
    public void Negative_times_and_empty_lists_are_refused()
    {
        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => RecoverySummary.Of([1, -2]));
            Assert.Throws<ArgumentException>(() => RecoverySummary.Of([]));
        });
    }
}
