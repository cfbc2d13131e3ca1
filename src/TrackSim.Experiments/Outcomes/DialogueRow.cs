namespace TrackSim.Experiments.Outcomes;

/// <summary>One line of dialogue.csv: how often one variant's runs suspended and resumed one dyad's official dialogue, and how long it stayed shut.</summary>
/// <param name="Variant">The variant (including the base).</param>
/// <param name="Dyad">The dyad (<c>IN-PK</c>).</param>
/// <param name="Replicates">Runs of the variant.</param>
/// <param name="MeanSuspensions">Mean number of suspensions per run: every time the dialogue closed, broken off or lapsed.</param>
/// <param name="MeanLapses">Mean number per run of the suspensions that were lapses (a government's readiness too low), not breaks.</param>
/// <param name="MeanResumptions">Mean number of resumptions per run.</param>
/// <param name="Suspensions">Suspensions over all runs.</param>
/// <param name="Resumed">Of those, the ones followed by a resumption before the run ended; the others are still shut at the end.</param>
/// <param name="MonthsToResumeP05">5th percentile of the months from a suspension to the next resumption, over the suspensions that were resumed; null when none was.</param>
/// <param name="MonthsToResumeP50">Median of those months; null when none was resumed.</param>
/// <param name="MonthsToResumeP95">95th percentile of those months; null when none was resumed.</param>
public sealed record DialogueRow(
    string Variant,
    string Dyad,
    int Replicates,
    double MeanSuspensions,
    double MeanLapses,
    double MeanResumptions,
    int Suspensions,
    int Resumed,
    double? MonthsToResumeP05,
    double? MonthsToResumeP50,
    double? MonthsToResumeP95);
