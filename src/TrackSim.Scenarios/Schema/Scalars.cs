using System.Globalization;
using System.Text.RegularExpressions;
using TrackSim.Core.Domain;
using TrackSim.Scenarios.Yaml;

namespace TrackSim.Scenarios.Schema;

/// <summary>Strict parsing of scalar text: YAML 1.2 core numbers and booleans, ISO dates, durations.</summary>
public static partial class Scalars
{
    /// <summary>Parses a plain, finite YAML number.</summary>
    public static bool TryNumber(YamlScalar scalar, out double value)
    {
        ArgumentNullException.ThrowIfNull(scalar);
        value = 0;
        return scalar.IsPlain && NumberPattern().IsMatch(scalar.Value)
            && double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value);
    }

    /// <summary>Parses a plain YAML boolean (<c>true</c> or <c>false</c>).</summary>
    public static bool TryBool(YamlScalar scalar, out bool value)
    {
        ArgumentNullException.ThrowIfNull(scalar);
        value = scalar.Value is "true" or "True" or "TRUE";
        return scalar.IsPlain && (value || scalar.Value is "false" or "False" or "FALSE");
    }

    /// <summary>
    /// Parses <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>. A month alone means its first day, or its last
    /// day when <paramref name="endOfPeriod"/> is set (an end date of <c>2021-12</c> covers December).
    /// </summary>
    public static bool TryDate(string text, bool endOfPeriod, out DateOnly date)
    {
        date = default;
        var match = DatePattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        int year = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        int month = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        if (year < 1 || month is < 1 or > 12)
        {
            return false;
        }

        if (!match.Groups[3].Success)
        {
            date = new DateOnly(year, month, endOfPeriod ? DateTime.DaysInMonth(year, month) : 1);
            return true;
        }

        int day = int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture);
        if (day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>Parses a duration such as <c>6 months</c>, <c>1 year</c>, <c>2 weeks</c> or <c>10 days</c>.</summary>
    public static bool TryDuration(string text, out Duration duration)
    {
        duration = new Duration(1, StepUnit.Month);
        var match = DurationPattern().Match(text);
        if (!match.Success || !int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int count) || count < 1 || count > 1000)
        {
            return false;
        }

        (int factor, StepUnit unit) = match.Groups[2].Value switch
        {
            "day" => (1, StepUnit.Day),
            "week" => (1, StepUnit.Week),
            "month" => (1, StepUnit.Month),
            _ => (12, StepUnit.Month),
        };
        duration = new Duration(count * factor, unit);
        return true;
    }

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^([0-9]{4})-([0-9]{2})(?:-([0-9]{2}))?$")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^([0-9]+)\s*(day|week|month|year)s?$")]
    private static partial Regex DurationPattern();
}
