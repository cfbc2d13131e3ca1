using System.Collections.Immutable;
using System.Globalization;
using TrackSim.Core.Domain;
using TrackSim.Core.Metrics;
using TrackSim.Experiments.Sweeps;

namespace TrackSim.Experiments.Limits;

/// <summary>One share of a <see cref="MemoryEstimate"/>: what holds the memory, how much, and the knob that shrinks it.</summary>
/// <param name="What">What holds it, e.g. "citizens: 2 runs at a time x 200,000,000 citizens x 59 bytes".</param>
/// <param name="Bytes">Its size in bytes.</param>
/// <param name="Knob">What to turn to make it smaller, e.g. "fewer citizens (citizens.per_state)".</param>
public sealed record MemoryPart(string What, long Bytes, string Knob);

/// <summary>
/// A rough estimate, by arithmetic alone, of the memory a run or a sweep will hold at its peak: the
/// citizen layer of every run in flight (trust, scratch, exposure, flags, cross-border tie counts
/// and the network's CSR rows), the recorded series the results hold until they are written, and
/// for a sweep the design's points and the runs read back for its indices. It counts the large
/// arrays only, so the real peak is higher; a run or sweep whose estimate alone is above the
/// memory available is refused before any work, rather than failing part way.
/// </summary>
public sealed record MemoryEstimate(string Subject, ImmutableArray<MemoryPart> Parts)
{
    /// <summary>The runtime, the loaded scenario and everything small, counted once.</summary>
    public const long BaseBytes = 64L * 1024 * 1024;

    /// <summary>Bytes per citizen outside the network: trust and scratch (float), exposure (float), flags (byte), active cross-border ties (ushort).</summary>
    public const int CitizenArrayBytes = 4 + 4 + 4 + 1 + 2;

    /// <summary>The estimate in bytes.</summary>
    public long Bytes => BaseBytes + Parts.Sum(p => p.Bytes);

    /// <summary>Bytes one citizen holds: its arrays, and its network row (one int offset and one int per tie end).</summary>
    public static long BytesPerCitizen(CitizenSpec citizens)
    {
        ArgumentNullException.ThrowIfNull(citizens);
        long ties = citizens.Network.Kind == NetworkKind.WellMixed ? 0 : Math.Min(citizens.Network.MeanDegree, Math.Max(citizens.PerState - 1, 0));
        return CitizenArrayBytes + (citizens.Network.Kind == NetworkKind.WellMixed ? 0 : 4 + (4 * ties));
    }

    /// <summary>Series one run of <paramref name="scenario"/> records (metrics times their subjects).</summary>
    public static long SeriesPerRun(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return MetricCatalog.All.Sum(m => m.Level switch
        {
            MetricLevel.Dyad => (long)scenario.Dyads.Length,
            MetricLevel.State => scenario.States.Length,
            MetricLevel.ThirdParty => scenario.ThirdParties.Length * (scenario.States.Length + 1L),
            _ => scenario.Initiatives.Length,
        });
    }

    /// <summary>Bytes one run's recorded series hold: series x (steps + 1) x 8, and the dates.</summary>
    public static long SeriesBytesPerRun(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        long points = scenario.Calendar.StepCount + 1L;
        return (SeriesPerRun(scenario) * points * sizeof(double)) + (points * 4);
    }

    /// <summary>The estimate for <c>run</c>: every variant and replicate, <paramref name="threads"/> runs at a time, every run's series held until written.</summary>
    public static MemoryEstimate ForRun(Scenario scenario, IReadOnlyCollection<string> variants, int replicates, int threads)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(variants);
        var resolved = variants.Count == 0 ? [scenario] : variants.Select(scenario.ForVariant).ToList();
        long runs = (long)resolved.Count * replicates;
        long inFlight = Math.Max(1, Math.Min(threads, runs));
        var largest = resolved.MaxBy(s => (long)s.Citizens.PerState * s.States.Length * BytesPerCitizen(s.Citizens))!;
        long citizens = (long)largest.Citizens.PerState * largest.States.Length;
        long perCitizen = BytesPerCitizen(largest.Citizens);
        long series = resolved.Sum(s => SeriesBytesPerRun(s)) * replicates;
        return new MemoryEstimate("this run",
        [
            new(Invariant($"citizens: {inFlight} run{Plural(inFlight)} at a time x {citizens:N0} citizens x {perCitizen} bytes"), inFlight * citizens * perCitizen, Invariant($"fewer citizens (citizens.per_state, now {largest.Citizens.PerState:N0}) or fewer threads (--threads, now {threads})")),
            new(Invariant($"recorded series of {runs:N0} run{Plural(runs)}"), series, Invariant($"fewer replicates (--replicates, now {replicates}) or variants (--variant), or a longer step")),
        ]);
    }

    /// <summary>
    /// The estimate for <c>sweep</c>: the design's points (whatever the design), <paramref name="threads"/>
    /// points at a time each holding one run's citizens and its replicates' series, and the runs read
    /// back for the indices. <paramref name="scenario"/> should be the largest the sweep runs (at the
    /// high end of its ranges), as a range may vary the number of citizens.
    /// </summary>
    public static MemoryEstimate ForSweep(Scenario scenario, SweepPlan plan, SweepShard shard, int threads)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(shard);
        long points = DesignPoints(plan);
        long owned = (points + shard.Count - 1 - shard.Index) / shard.Count;
        long inFlight = Math.Max(1, Math.Min(threads, owned));
        long citizens = (long)scenario.Citizens.PerState * scenario.States.Length;
        long perCitizen = BytesPerCitizen(scenario.Citizens);
        int k = plan.Ranges.Length;

        // Each point is an array of k doubles (a 24-byte header) and its slot; building the design
        // holds about as much again in intermediate matrices.
        long perPoint = 2 * (24 + 8 + (8L * k));

        // A runs.csv row read back: its text (UTF-16, read whole), the row object, its value and outcome arrays.
        long perRow = 100 + 64 + (8L * (k + plan.Outcomes.Length));
        long rows = shard.Count == 1 ? points * plan.Replicates : 0;
        string design = plan.Design.ToString().ToLowerInvariant();
        string pointsKnob = plan.Design == SweepDesign.Grid
            ? "fewer grid levels (--vary PATH=LOW:HIGH:COUNT) or parameters"
            : Invariant($"a smaller --samples (-n, now {plan.Samples:N0}) or fewer parameters");
        return new MemoryEstimate("this sweep",
        [
            new(Invariant($"the {design} design's {points:N0} points of {k} parameter{Plural(k)}"), Saturate(points, perPoint), pointsKnob),
            new(Invariant($"citizens: {inFlight} point{Plural(inFlight)} at a time x {citizens:N0} citizens x {perCitizen} bytes"), Saturate(inFlight * citizens, perCitizen), Invariant($"fewer citizens (citizens.per_state, now {scenario.Citizens.PerState:N0}) or fewer threads (--threads, now {threads})")),
            new(Invariant($"recorded series: {inFlight} point{Plural(inFlight)} at a time x {plan.Replicates} replicate{Plural(plan.Replicates)}"), Saturate(inFlight * plan.Replicates, SeriesBytesPerRun(scenario)), Invariant($"fewer replicates (--replicates, now {plan.Replicates}) or fewer threads (--threads, now {threads})")),
            new(Invariant($"{rows:N0} runs read back for the indices"), Saturate(rows, perRow), Invariant($"{pointsKnob}, or fewer replicates (--replicates, now {plan.Replicates})")),
        ]);
    }

    /// <summary>
    /// The number of points <paramref name="plan"/>'s design has, by arithmetic (without building it):
    /// the product of the grid's levels, the LHS samples, Morris trajectories x (k + 1), or Sobol'
    /// base samples x (k + 2).
    /// </summary>
    public static long DesignPoints(SweepPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        long k = plan.Ranges.Length;
        return plan.Design switch
        {
            SweepDesign.Grid => plan.Ranges.Aggregate(1L, (total, r) => Saturate(total, r.Count ?? Analysis.Grid.DefaultCount)),
            SweepDesign.Lhs => plan.Samples,
            SweepDesign.Morris => plan.Samples * (k + 1),
            SweepDesign.Sobol => plan.Samples * (k + 2),
            _ => throw new InvalidOperationException("Unknown design."),
        };
    }

    /// <summary>
    /// Null when the estimate fits in <paramref name="availableBytes"/>; otherwise the refusal:
    /// the estimate and its largest parts, the memory available, and the knobs to turn.
    /// </summary>
    public string? Refusal(long availableBytes)
    {
        if (Bytes <= availableBytes)
        {
            return null;
        }

        var large = Parts.Where(p => p.Bytes > 0).OrderByDescending(p => p.Bytes).ToList();
        var knobs = large.Where(p => p.Bytes >= Bytes / 4).Select(p => p.Knob).DefaultIfEmpty(large[0].Knob).Distinct(StringComparer.Ordinal);
        return Invariant($"{Subject} needs about {Size(Bytes)} of memory ({string.Join("; ", large.Select(p => $"{p.What}: {Size(p.Bytes)}"))}), but {Size(availableBytes)} is available; use {string.Join(", or ", knobs)}");
    }

    /// <summary>A size in bytes for people: 1.5 GB, 300 MB, 12 KB.</summary>
    public static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => Invariant($"{bytes / (double)(1L << 30):0.#} GiB"),
        >= 1L << 20 => Invariant($"{bytes / (double)(1L << 20):0.#} MiB"),
        _ => Invariant($"{bytes / 1024.0:0.#} KiB"),
    };

    private static long Saturate(long a, long b) => a != 0 && b > long.MaxValue / 4 / a ? long.MaxValue / 4 : a * b;

    private static string Plural(long count) => count == 1 ? string.Empty : "s";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
