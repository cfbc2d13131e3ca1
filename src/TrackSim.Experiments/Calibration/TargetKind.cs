namespace TrackSim.Experiments.Calibration;

/// <summary>What a calibration target compares (the <c>kind</c> column of a targets file).</summary>
public enum TargetKind
{
    /// <summary>A level: the mean of a metric over a period against an observed value.</summary>
    Level,

    /// <summary>A survey level: the share of citizens favourable to another actor, through the observation model.</summary>
    Favourable,

    /// <summary>A survey level: the share of citizens unfavourable to another actor, through the observation model.</summary>
    Unfavourable,

    /// <summary>A direction: the change of a metric's mean from a baseline period to a period, at least as large as observed, in its direction.</summary>
    Change,

    /// <summary>A timing: the month a metric peaks within a window against the observed month.</summary>
    Peak,

    /// <summary>A timing: the reach of an official agreement nearest to the day history reached it.</summary>
    Agreement,

    /// <summary>A timing: the first reopening of a dyad's official dialogue after a break, against the observed date (or none).</summary>
    Resumption,
}
