using System.Collections.Immutable;

namespace TrackSim.Experiments.Outcomes;

/// <summary>One line of agreements.csv: whether and when one variant's runs reached one agreement.</summary>
/// <param name="Variant">The variant (including the base).</param>
/// <param name="Agreement">The agreement's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Historical">The dates history reached it (targets, never inputs), in order; empty when it was never reached.</param>
/// <param name="Replicates">Runs of the variant.</param>
/// <param name="ReachedShare">Share of the runs that reached it at least once.</param>
/// <param name="FirstReachedP05">5th percentile of the date of the first reach, over the runs that reached it; null when none did.</param>
/// <param name="FirstReachedP50">Median date of the first reach over those runs; null when none did.</param>
/// <param name="FirstReachedP95">95th percentile of that date; null when none did.</param>
/// <param name="MeanTimesReached">Mean number of times it was reached per run, runs that never reached it counted as 0.</param>
/// <param name="CollapsedShare">Share of the runs in which it collapsed at least once.</param>
/// <param name="InForceAtEndShare">Share of the runs in which it was in force when the run ended.</param>
/// <param name="ScriptedShare">Share of the runs in which a decided event of the scenario, not the model, reached it.</param>
public sealed record AgreementRow(
    string Variant,
    string Agreement,
    string Name,
    ImmutableArray<DateOnly> Historical,
    int Replicates,
    double ReachedShare,
    DateOnly? FirstReachedP05,
    DateOnly? FirstReachedP50,
    DateOnly? FirstReachedP95,
    double MeanTimesReached,
    double CollapsedShare,
    double InForceAtEndShare,
    double ScriptedShare);
