using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace TrackSim.Cli.Commands;

/// <summary>
/// Parsers for the numeric options: a value that is not a number, or is outside the option's range,
/// is a usage error (exit code 2) in one plain sentence, such as
/// <c>--seed: expected a whole number from 0 to 9007199254740991, found '-1'</c>, never a type name.
/// </summary>
internal static class NumberOptions
{
    /// <summary>Longest part of a wrong value quoted in an error.</summary>
    private const int MaxQuoted = 40;

    /// <summary>Accepts only whole numbers from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Option<int?> WholeNumber(this Option<int?> option, int min, int max)
    {
        ArgumentNullException.ThrowIfNull(option);
        option.CustomParser = result =>
            Token(result) is { } text && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value) && value >= min && value <= max
                ? (int)value
                : Refuse<int?>(result, option, $"a whole number from {Format(min)} to {Format(max)}");
        return option;
    }

    /// <summary>Accepts only whole numbers from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Option<ulong?> WholeNumber(this Option<ulong?> option, ulong min, ulong max)
    {
        ArgumentNullException.ThrowIfNull(option);
        option.CustomParser = result =>
            Token(result) is { } text && ulong.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out ulong value) && value >= min && value <= max
                ? value
                : Refuse<ulong?>(result, option, $"a whole number from {Format(min)} to {Format(max)}");
        return option;
    }

    /// <summary>Accepts only finite numbers from <paramref name="min"/> to <paramref name="max"/>, in <paramref name="unit"/>.</summary>
    public static Option<double?> Number(this Option<double?> option, double min, double max, string unit)
    {
        ArgumentNullException.ThrowIfNull(option);
        option.CustomParser = result =>
            Token(result) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value) && value >= min && value <= max
                ? value
                : Refuse<double?>(result, option, $"a number of {unit} from {Format(min)} to {Format(max)}");
        return option;
    }

    private static string? Token(ArgumentResult result) => result.Tokens.Count == 0 ? null : result.Tokens[^1].Value;

    private static T? Refuse<T>(ArgumentResult result, Option option, string expected)
    {
        string found = result.Tokens.Count == 0 ? "nothing" : $"'{Quoted(result.Tokens[^1].Value)}'";
        result.AddError($"{option.Name}: expected {expected}, found {found}");
        return default;
    }

    /// <summary>The value as it may be shown: control characters escaped, a long one cut.</summary>
    private static string Quoted(string value)
    {
        string cut = value.Length > MaxQuoted ? value[..MaxQuoted] : value;
        string shown = string.Concat(cut.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
        return value.Length > MaxQuoted ? string.Create(CultureInfo.InvariantCulture, $"{shown}... ({value.Length:N0} characters)") : shown;
    }

    private static string Format(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);
}
