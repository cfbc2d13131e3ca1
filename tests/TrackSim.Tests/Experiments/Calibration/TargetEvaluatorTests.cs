using System.Collections.Immutable;
using TrackSim.Core.Recording;
using TrackSim.Experiments.Calibration;

namespace TrackSim.Tests.Experiments.Calibration;

/// <summary>Each kind of target scored on a hand-made run whose answer is known.</summary>
public sealed class TargetEvaluatorTests
{
    private const string Header = "id,kind,metric,subject,period,baseline,observed,tolerance,weight,source,why\n";

    /// <summary>A monthly run of 2000-2002 (37 points from 2000-01-01) with the given series and log.</summary>
    private static RunResult Run(Func<int, double> tension, Func<int, double> open, Func<int, double> trust, Func<int, double> spread, params LogEntry[] log)
    {
        var dates = Enumerable.Range(0, 37).Select(k => new DateOnly(2000, 1, 1).AddMonths(k)).ToImmutableArray();
        RecordedSeries Series(string metric, string subject, Func<int, double> f) => new(new SeriesKey(metric, subject), [.. Enumerable.Range(0, 37).Select(f)]);
        return new RunResult("base", 0, dates, [
            Series("tension", "IN-PK", tension),
            Series("dialogue_open", "IN-PK", open),
            Series("public_trust", "IN", trust),
            Series("polarization", "IN", spread),
        ], [.. log]);
    }

    private static ImmutableArray<TargetFit> Score(string rows, RunResult run, ObservationModel? observation = null) =>
        TargetEvaluator.Evaluate(TargetsFile.Parse(Header + rows, "t.csv"), run, observation ?? ObservationModel.Default);

    [Test]
    public void A_level_is_the_mean_over_the_period_in_tolerances()
    {
        // Tension is k/100 at point k; 2001 holds points 12..23, mean 0.175.
        var fit = Score("a,level,tension,IN-PK,2001,,0.2,0.05,,s,w\n", Run(k => k / 100.0, _ => 1, _ => 0.3, _ => 0.1)).Single();
        Assert.That(fit.Model, Is.EqualTo(0.175).Within(1e-12));
        Assert.That(fit.Discrepancy, Is.EqualTo(0.5).Within(1e-12));
        Assert.That(fit.Met, Is.True);
    }

    [Test]
    public void Survey_shares_read_the_normal_distribution_at_the_cuts()
    {
        // Trust 0.3 with SD 0.1: below 0.25 is Φ(-0.5) = 0.30854; above 0.5 is 1 - Φ(2) = 0.02275.
        var run = Run(_ => 0, _ => 1, _ => 0.3, _ => 0.1);
        var fits = Score("u,unfavourable,,IN>PK,2001-03..2001-05,,0.30854,0.1,,s,w\nf,favourable,,IN>PK,2001-03..2001-05,,0.5,0.1,,s,w\n", run);
        Assert.That(fits[0].Model, Is.EqualTo(0.308538).Within(1e-6));
        Assert.That(fits[1].Model, Is.EqualTo(0.022750).Within(1e-6));
        Assert.That(fits[1].Met, Is.False, "0.023 against 0.5 is almost five tolerances out");

        // Moving the cuts moves the shares: everyone below a cut of 1, no one above a favourable cut of 1.
        var wide = Score("u,unfavourable,,IN>PK,2001-03..2001-05,,1,0.1,,s,w\n", run, new ObservationModel(0.9, 0.1)).Single();
        Assert.That(wide.Model, Is.GreaterThan(0.99999));
    }

    [Test]
    public void A_change_meets_its_target_when_it_goes_the_observed_way()
    {
        var falling = Run(k => 1 - (k / 100.0), _ => 1, _ => 0.3, _ => 0.1);
        var rising = Run(k => k / 100.0, _ => 1, _ => 0.3, _ => 0.1);
        const string Row = "c,change,tension,IN-PK,2002,2000,-0.1,0.1,,s,w\n";

        // Falling: 2002's mean is 0.24 below 2000's: more than the 0.1 asked, no shortfall.
        var down = Score(Row, falling).Single();
        var up = Score(Row, rising).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(down.Model, Is.EqualTo(-0.24).Within(1e-12));
            Assert.That(down.Discrepancy, Is.Zero);
            Assert.That(up.Discrepancy, Is.EqualTo((0.1 + 0.24) / 0.1).Within(1e-9));
            Assert.That(up.Met, Is.False);
        }
    }

    [Test]
    public void A_peak_is_the_month_of_the_maximum_within_the_window()
    {
        // The maximum at point 20 (2001-09-01); observed 2001-06: 3 months late, one tolerance of 3.
        var fit = Score("p,peak,tension,IN-PK,2001,,2001-06,3,,s,w\n", Run(k => k == 20 ? 1 : 0.1, _ => 1, _ => 0.3, _ => 0.1)).Single();
        Assert.That(fit.ModelDate, Is.EqualTo(new DateOnly(2001, 9, 1)));
        Assert.That(fit.Model, Is.EqualTo(3));
        Assert.That(fit.Met, Is.True);
    }

    [Test]
    public void An_agreement_is_timed_by_its_reach_nearest_the_observed_date()
    {
        var run = Run(_ => 0, _ => 1, _ => 0.3, _ => 0.1,
            new LogEntry(3, new DateOnly(2000, 4, 1), "TI-AGREE", "lahore", "reached: Lahore (readiness 0.6, needs 0.5)"),
            new LogEntry(20, new DateOnly(2001, 9, 1), "TI-AGREE", "lahore", "collapsed: Lahore"),
            new LogEntry(26, new DateOnly(2002, 3, 1), "TI-AGREE", "lahore", "reached: Lahore (readiness 0.6, needs 0.5)"));
        var fits = Score("a,agreement,,lahore,,,2002-01,12,,s,w\nb,agreement,,other,,,2001-01,12,,s,w\n", run);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(fits[0].Model, Is.EqualTo(2), "the 2002-03 reach, two months late, not the 2000-04 one");
            Assert.That(fits[0].Met, Is.True);

            // Never reached: counted as reached the day after the run, 2003-01-02, 24 months after 2001-01.
            Assert.That(fits[1].Model, Is.NaN);
            Assert.That(fits[1].Discrepancy, Is.EqualTo(2.0 + (1 / (365.2425 / 12) / 12)).Within(1e-9));
        }
    }

    [Test]
    public void A_resumption_is_the_first_reopening_after_a_break()
    {
        // Closed from point 6 (2000-07) to 17, open again at 18 (2001-07-01).
        var run = Run(_ => 0, k => k is >= 6 and < 18 ? 0 : 1, _ => 0.3, _ => 0.1);
        var fits = Score(
            "r,resumption,,IN-PK,2000-06..2002-12,,2001-01,12,,s,w\n"
            + "n,resumption,,IN-PK,2000-06..2002-12,,none,12,,s,w\n"
            + "x,resumption,,IN-PK,2002-01..2002-12,,2002-06,12,,s,w\n",
            run);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(fits[0].ModelDate, Is.EqualTo(new DateOnly(2001, 7, 1)));
            Assert.That(fits[0].Model, Is.EqualTo(6));

            // Observed none by 2002-12: reopening in 2001-07 is 18 months early.
            Assert.That(fits[1].Discrepancy, Is.EqualTo(18 / 12.0).Within(1e-9));
            Assert.That(fits[1].Met, Is.False);

            // No break in 2002: the model "reopens" on the window's first day, 5 months before 2002-06.
            Assert.That(fits[2].Model, Is.EqualTo(-5));
        }
    }

    [Test]
    public void The_distance_is_the_weighted_root_mean_square_of_capped_discrepancies()
    {
        var run = Run(k => k / 100.0, _ => 1, _ => 0.3, _ => 0.1);

        // Discrepancies 0.5 (weight 1) and 10, capped at 3 (weight 3): sqrt((0.25 + 27) / 4).
        var fits = Score("a,level,tension,IN-PK,2001,,0.2,0.05,,s,w\nb,level,tension,IN-PK,2001,,1.175,0.1,3,s,w\n", run);
        Assert.That(fits[1].Discrepancy, Is.EqualTo(10).Within(1e-9));
        Assert.That(TargetEvaluator.Distance(fits), Is.EqualTo(Math.Sqrt((0.25 + 27) / 4)).Within(1e-12));
    }
}
