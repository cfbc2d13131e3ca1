using TrackSim.Experiments.Analysis;

namespace TrackSim.Tests.Experiments.Analysis;

public sealed class RecoveryTests
{
    private static readonly double[] Tension = [0.3, 0.3, 0.8, 0.6, 0.4, 0.29, 0.2];

    [Test]
    public void Recovery_is_counted_in_steps_after_the_event()
    {
        // The crisis at step 2 lifts tension from 0.3; it is first below 0.3 again at step 5.
        Assert.That(Recovery.StepsUntil(Tension, 2, v => v < 0.3), Is.EqualTo(3));
    }

    [Test]
    public void The_event_step_itself_does_not_count_as_recovery()
    {
        Assert.That(Recovery.StepsUntil(Tension, 0, v => v <= 0.3), Is.EqualTo(1));
    }

    [Test]
    public void A_series_that_never_recovers_is_censored_not_given_a_time()
    {
        Assert.That(Recovery.StepsUntil(Tension, 2, v => v < 0.1), Is.Null);
    }

    [Test]
    public void An_event_step_outside_the_series_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Recovery.StepsUntil(Tension, 7, v => v < 0.3));
    }
}
