namespace TrackSim.Reporting.Charts;

/// <summary>A metric's title as it reads inside a sentence or a parenthesis of a label.</summary>
internal static class MetricTitle
{
    /// <summary>
    /// <paramref name="title"/> with its first letter in lower case, as a common noun: "Public
    /// trust" reads "public trust". Names stay as they are: "Track II trust" (Track II is a
    /// proper name) and titles that open with an abbreviation, such as "IN-PK tension".
    /// </summary>
    public static string InSentence(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        bool commonNoun = title.Length > 1 && char.IsLower(title[1]) && !title.StartsWith("Track I", StringComparison.Ordinal);
        return commonNoun ? char.ToLowerInvariant(title[0]) + title[1..] : title;
    }
}
