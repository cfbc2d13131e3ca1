namespace TrackSim.Core.Domain;

/// <summary>The length of one simulation step on the calendar.</summary>
public enum StepUnit
{
    /// <summary>One calendar day.</summary>
    Day,

    /// <summary>Seven calendar days.</summary>
    Week,

    /// <summary>One calendar month.</summary>
    Month,
}
