namespace TrackSim.Experiments.Effects;

/// <summary>One line of effects.csv: a variant against the base for one metric, subject and window.</summary>
/// <param name="Variant">The variant compared with the base.</param>
/// <param name="Metric">Metric name.</param>
/// <param name="Subject">Dyad, state or initiative the metric describes.</param>
/// <param name="Window">Window name (see <see cref="EffectWindow"/>).</param>
/// <param name="N">Paired replicates.</param>
/// <param name="MeanBase">Mean over replicates of the base's window mean.</param>
/// <param name="MeanVariant">Mean over replicates of the variant's window mean.</param>
/// <param name="MeanDifference">Mean of the paired differences, variant minus base.</param>
/// <param name="Low">Lower end of the 95% confidence interval of the mean difference; null with one replicate.</param>
/// <param name="High">Upper end of the interval; null with one replicate.</param>
/// <param name="FractionHigher">Share of replicates in which the variant is higher than its paired base run.</param>
public sealed record EffectRow(
    string Variant,
    string Metric,
    string Subject,
    string Window,
    int N,
    double MeanBase,
    double MeanVariant,
    double MeanDifference,
    double? Low,
    double? High,
    double FractionHigher);
