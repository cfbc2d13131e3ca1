namespace TrackSim.Tests.Reporting;

/// <summary>A clock that tells a fixed time and advances a second each time it is read.</summary>
internal sealed class FixedClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow()
    {
        var now = _now;
        _now = _now.AddSeconds(1);
        return now;
    }
}
