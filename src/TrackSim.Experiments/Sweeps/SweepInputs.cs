using System.Collections.Immutable;
using System.Globalization;
using TrackSim.Experiments.Files;

namespace TrackSim.Experiments.Sweeps;

/// <summary>
/// Every input that shapes a sweep's runs.csv, by name: the scenario file's SHA-256, the
/// <c>--set</c> overrides in the order given (a later one can override an earlier one), the tool
/// version, the design, samples, replicates, seed, varied ranges and outcomes, the shard, and the
/// series kept (<c>--series</c> and <c>--metrics</c>, which shape the folder's series files).
/// Threads are not an input: results do not depend on them. <c>--resume</c> and <c>merge</c>
/// continue or combine only sweeps whose inputs are equal.
/// </summary>
public sealed class SweepInputs
{
    /// <summary>The names of the inputs, in the order they are written and compared.</summary>
    public static ImmutableArray<string> Names { get; } =
        ["scenario_sha256", "set", "tool_version", "design", "samples", "replicates", "seed", "vary", "outcomes", "shard", "series", "metrics"];

    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["scenario_sha256"] = "scenario file SHA-256",
        ["set"] = "--set",
        ["tool_version"] = "tracksim version",
        ["design"] = "--design",
        ["samples"] = "--samples",
        ["replicates"] = "--replicates",
        ["seed"] = "--seed",
        ["vary"] = "--vary",
        ["outcomes"] = "--outcome",
        ["shard"] = "--shard",
        ["series"] = "--series",
        ["metrics"] = "--metrics",
    };

    private SweepInputs(ImmutableSortedDictionary<string, ImmutableArray<string>> values) => Values = values;

    /// <summary>Each input's value (a list of one or more strings, or none), by name.</summary>
    public ImmutableSortedDictionary<string, ImmutableArray<string>> Values { get; }

    /// <summary>The inputs of a sweep with this plan, shard, scenario hash, overrides, tool version and series (none when null).</summary>
    public static SweepInputs Of(SweepPlan plan, SweepShard shard, string scenarioSha256, IEnumerable<string> overrides, string toolVersion, SweepSeries? series = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(shard);
        ArgumentNullException.ThrowIfNull(scenarioSha256);
        ArgumentNullException.ThrowIfNull(overrides);
        ArgumentNullException.ThrowIfNull(toolVersion);
        series ??= SweepSeries.None;
        return FromValues(new Dictionary<string, ImmutableArray<string>>(StringComparer.Ordinal)
        {
            ["scenario_sha256"] = [scenarioSha256],
            ["set"] = [.. overrides],
            ["tool_version"] = [toolVersion],
            ["design"] = [plan.Design.ToString().ToLowerInvariant()],
            ["samples"] = [plan.Samples.ToString(CultureInfo.InvariantCulture)],
            ["replicates"] = [plan.Replicates.ToString(CultureInfo.InvariantCulture)],
            ["seed"] = [plan.Seed.ToString(CultureInfo.InvariantCulture)],
            ["vary"] = [.. plan.Ranges.Select(r => $"{r.Path}={SweepPlan.Format(r.Low)}:{SweepPlan.Format(r.High)}{(r.Count is { } c ? ":" + c.ToString(CultureInfo.InvariantCulture) : string.Empty)}")],
            ["outcomes"] = [.. plan.Outcomes.Select(o => o.Name)],
            ["shard"] = [shard.ToString()],
            ["series"] = [series.FormatName],
            ["metrics"] = series.Metrics.IsDefault ? [] : series.Metrics,
        });
    }

    /// <summary>The series these inputs record (none when they record no <c>series</c>).</summary>
    public SweepSeries Series =>
        Values.TryGetValue("series", out var format) && format.Length == 1 && Enum.TryParse<SeriesFormat>(format[0], ignoreCase: true, out var f)
            ? SweepSeries.Of(f, Values.GetValueOrDefault("metrics", []))
            : SweepSeries.None;

    /// <summary>Inputs as read back from a manifest.</summary>
    public static SweepInputs FromValues(IReadOnlyDictionary<string, ImmutableArray<string>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new SweepInputs(values.ToImmutableSortedDictionary(StringComparer.Ordinal));
    }

    /// <summary>
    /// One line per input that differs, naming it and giving both values, such as
    /// <c>--set: citizens.per_state=300 (was) vs citizens.per_state=400 (now)</c>; empty when the inputs are equal.
    /// </summary>
    /// <param name="recorded">The inputs already recorded.</param>
    /// <param name="now">The inputs compared with them.</param>
    /// <param name="recordedWhere">How to name where <paramref name="recorded"/> come from, e.g. "in sweep/sweep.json".</param>
    /// <param name="nowWhere">How to name where <paramref name="now"/> come from, e.g. "now".</param>
    /// <param name="ignore">Inputs not compared (merge ignores the shard).</param>
    public static ImmutableArray<string> Differences(SweepInputs recorded, SweepInputs now, string recordedWhere, string nowWhere, params string[] ignore)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        ArgumentNullException.ThrowIfNull(now);
        var names = Names.Concat(recorded.Values.Keys).Concat(now.Values.Keys).Distinct(StringComparer.Ordinal).Where(n => !ignore.Contains(n, StringComparer.Ordinal));
        var lines = ImmutableArray.CreateBuilder<string>();
        foreach (string name in names)
        {
            bool hasOld = recorded.Values.TryGetValue(name, out var old);
            bool hasNew = now.Values.TryGetValue(name, out var current);
            // An input neither side has (a calibration records no sweep design) is no difference.
            if ((hasOld && hasNew && old.SequenceEqual(current, StringComparer.Ordinal)) || (!hasOld && !hasNew))
            {
                continue;
            }

            string label = Labels.GetValueOrDefault(name, name);
            lines.Add($"{label}: {Show(hasOld, old)} {recordedWhere}, {Show(hasNew, current)} {nowWhere}");
        }

        return lines.ToImmutable();
    }

    private static string Show(bool present, ImmutableArray<string> values) =>
        !present ? "(not recorded)" : values.IsDefaultOrEmpty ? "(none)" : string.Join(" ", values.Select(Quote));

    private static string Quote(string value) =>
        value.Length > 0 && !value.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"') ? value : $"'{value}'";
}
