namespace TrackSim.Core.Citizens;

/// <summary>Per-citizen yes/no traits, packed into one byte per citizen (<see cref="CitizenPopulation.Flags"/>).</summary>
[Flags]
#pragma warning disable CA1028 // A byte per citizen keeps the population within its memory budget.
public enum CitizenTraits : byte
#pragma warning restore CA1028
{
    /// <summary>No flag set.</summary>
    None = 0,

    /// <summary>Speaks a language shared across the border, so Track II outreach reaches the citizen.</summary>
    SharedLanguage = 1,

    /// <summary>
    /// A citizen of a new cohort whose cross-border ties are inactive: they carry neither
    /// social influence nor contact (CIT-TURNOVER).
    /// </summary>
    CrossBorderDormant = 2,
}
