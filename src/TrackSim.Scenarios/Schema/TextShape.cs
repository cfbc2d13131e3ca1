using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TrackSim.Scenarios.Yaml;

namespace TrackSim.Scenarios.Schema;

/// <summary>Free text or an identifier matching a pattern.</summary>
/// <param name="pattern">Regular expression the whole text must match, or null for any text.</param>
/// <param name="expected">What a match looks like, for messages ("an id such as kargil-1999").</param>
/// <param name="maxLength">Longest allowed text.</param>
public sealed class TextShape(string? pattern, string expected, int maxLength = 2000) : ScalarShape
{
    private readonly Regex? _regex = pattern is null ? null : new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>Any text up to 2,000 characters.</summary>
    public static TextShape Any { get; } = new(null, "text");

    /// <summary>A lower-case id: letters, digits, '-' and '_', starting with a letter or digit.</summary>
    public static TextShape Id { get; } = new("^[a-z0-9][a-z0-9_-]{0,63}$", "an id of lower-case letters, digits, '-' and '_' (such as kargil-war)", 64);

    /// <summary>An actor id (a state or a non-state party): two to eight upper-case letters or digits, starting with a letter.</summary>
    public static TextShape StateId { get; } = new("^[A-Z][A-Z0-9]{1,7}$", "an id of 2 to 8 upper-case letters or digits, starting with a letter (such as IN or FARC)", 8);

    /// <summary>A state id, or a directed pair of a state and an actor joined by '&gt;' (<c>US&gt;CN</c>: Americans' trust in China).</summary>
    public static TextShape TrustKey { get; } = new("^[A-Z][A-Z0-9]{1,7}(>[A-Z][A-Z0-9]{1,7})?$", "a state id (such as IN) or a directed pair such as US>CN", 17);

    /// <summary>The id of an actor that may not be a state (a third party): upper-case letters, digits and '_', starting with a letter.</summary>
    public static TextShape ActorId { get; } = new("^[A-Z][A-Z0-9_]{1,15}$", "an id of upper-case letters, digits and '_' (such as NO)", 16);

    /// <summary>The name of a language: letters, spaces and hyphens, starting with a capital letter.</summary>
    public static TextShape Language { get; } = new("^[A-Z][A-Za-z -]{0,39}$", "a language name of letters starting with a capital (such as English)", 40);

    /// <summary>
    /// A path into the scenario as <c>--set</c> takes it: keys joined by dots, list items by index
    /// or id in brackets (<c>dyads[0].tension</c>, <c>events[kargil-1999].severity</c>).
    /// </summary>
    public static TextShape SetPath { get; } = new(@"^[A-Za-z0-9_>-]+(\[[^\[\]]+\])*(\.[A-Za-z0-9_>-]+(\[[^\[\]]+\])*)*$", "a path such as citizens.per_state, dyads[0].tension or citizens.initial_trust.US>CN.mean", 300);

    /// <summary>The regular expression, or null.</summary>
    public string? Pattern { get; } = pattern;

    /// <inheritdoc />
    public override string Expected { get; } = expected;

    /// <inheritdoc />
    protected override string? Check(YamlScalar scalar)
    {
        if (scalar.Value.Length > maxLength)
        {
            return $"expected {Expected} of at most {maxLength} characters, found {scalar.Value.Length} characters";
        }

        return _regex is null || _regex.IsMatch(scalar.Value) ? null : $"expected {Expected}, found {Quote(scalar.Value)}";
    }

    /// <inheritdoc />
    public override JsonObject ToJsonSchema()
    {
        var schema = new JsonObject { ["type"] = "string", ["maxLength"] = maxLength };
        if (Pattern is not null)
        {
            schema["pattern"] = Pattern;
        }

        return schema;
    }
}
