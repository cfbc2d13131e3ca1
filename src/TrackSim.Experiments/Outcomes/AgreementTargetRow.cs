namespace TrackSim.Experiments.Outcomes;

/// <summary>One line of agreement-targets.csv: how close one variant's runs came to one historical date of one agreement.</summary>
/// <param name="Variant">The variant (including the base).</param>
/// <param name="Agreement">The agreement's id.</param>
/// <param name="Target">One of the dates history reached it.</param>
/// <param name="Replicates">Runs of the variant.</param>
/// <param name="WithinShare">Share of the runs that reached it within 12 months of the target, before or after (see <see cref="AgreementTable"/>).</param>
/// <param name="Reached">Runs that reached it at all: the runs the offsets are over.</param>
/// <param name="OffsetP05">5th percentile over those runs of the signed months from the target to the nearest reach (negative: earlier than history); null when no run reached it.</param>
/// <param name="OffsetP50">Median of those offsets; null when no run reached it.</param>
/// <param name="OffsetP95">95th percentile of those offsets; null when no run reached it.</param>
public sealed record AgreementTargetRow(
    string Variant,
    string Agreement,
    DateOnly Target,
    int Replicates,
    double WithinShare,
    int Reached,
    double? OffsetP05,
    double? OffsetP50,
    double? OffsetP95);
