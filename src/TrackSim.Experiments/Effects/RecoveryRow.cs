namespace TrackSim.Experiments.Effects;

/// <summary>One line of recovery.csv: how long one variant's runs took to recover after a hostile event.</summary>
/// <param name="Variant">The variant (including the base).</param>
/// <param name="Event">The hostile event's id.</param>
/// <param name="Measure">What counts as recovered (<see cref="RecoveryTable.TensionMeasure"/> or <see cref="RecoveryTable.DialogueMeasure"/>).</param>
/// <param name="N">Replicates.</param>
/// <param name="Recovered">Replicates that recovered before the run ended.</param>
/// <param name="Censored">Replicates that never recovered within the run (counted, not dropped).</param>
/// <param name="MedianRecovered">Median steps to recovery among those that recovered; null if none did.</param>
/// <param name="KaplanMeierMedian">Kaplan-Meier median steps, treating the others as censored; null if under half recovered.</param>
public sealed record RecoveryRow(
    string Variant,
    string Event,
    string Measure,
    int N,
    int Recovered,
    int Censored,
    double? MedianRecovered,
    double? KaplanMeierMedian);
