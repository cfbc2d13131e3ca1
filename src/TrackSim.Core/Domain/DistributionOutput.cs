namespace TrackSim.Core.Domain;

/// <summary>
/// How often and how finely the distribution of citizens' trust is recorded
/// (<c>outputs.distributions</c>): a histogram on [0,1] and a cluster count per state and trust
/// layer at step 0, every <see cref="Every"/> steps, and at the last step.
/// </summary>
/// <param name="Every">Steps between two records; 0 records nothing.</param>
/// <param name="Bins">Equal bins of the histogram on [0,1], at least 2.</param>
public sealed record DistributionOutput(int Every, int Bins)
{
    /// <summary>Steps between records when a scenario does not choose: a year of monthly steps.</summary>
    public const int DefaultEvery = 12;

    /// <summary>Bins when a scenario does not choose: 0.05 of trust each.</summary>
    public const int DefaultBins = 20;

    /// <summary>The record when a scenario does not choose.</summary>
    public static DistributionOutput Default { get; } = new(DefaultEvery, DefaultBins);

    /// <summary>Whether anything is recorded.</summary>
    public bool IsOn => Every > 0;

    /// <summary>Whether recorded point <paramref name="point"/> of a run of <paramref name="steps"/> steps is recorded: step 0, every <see cref="Every"/>-th and the last.</summary>
    public bool Records(int point, int steps) => IsOn && (point % Every == 0 || point == steps);
}
