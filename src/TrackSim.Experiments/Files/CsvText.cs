using System.Globalization;
using System.Text;

namespace TrackSim.Experiments.Files;

/// <summary>
/// How values are written in the CSV files: invariant culture, numbers in the shortest form that
/// reads back to the same double, ISO dates, and RFC 4180 quoting only where a field needs it.
/// </summary>
public static class CsvText
{
    /// <summary>A number that parses back to exactly the same double (<c>NaN</c>, <c>Infinity</c> as .NET writes them).</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A whole number.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Each method is named after the kind of cell it writes.")]
    public static string Integer(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>An ISO 8601 date, <c>yyyy-MM-dd</c>.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A text field, quoted when it holds a comma, a quote, a line break or edge spaces.</summary>
    public static string Field(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        bool needsQuotes = text.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (text.Length > 0 && (text[0] == ' ' || text[^1] == ' '));
        return needsQuotes ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }

    /// <summary>Parses a number written by <see cref="Number"/>.</summary>
    public static double ParseNumber(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Parses a whole number written by <see cref="Integer"/>.</summary>
    public static int ParseInteger(string text) => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);

    /// <summary>Parses a date written by <see cref="Date"/>.</summary>
    public static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Reads the records of a CSV text (RFC 4180: quoted fields may hold commas, quotes and line breaks).</summary>
    public static IEnumerable<string[]> Records(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        bool any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            char ch = (char)c;
            any = true;
            if (quoted)
            {
                if (ch != '"')
                {
                    field.Append(ch);
                }
                else if (reader.Peek() == '"')
                {
                    field.Append('"');
                    reader.Read();
                }
                else
                {
                    quoted = false;
                }

                continue;
            }

            switch (ch)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    yield return [.. fields];
                    fields.Clear();
                    any = false;
                    break;
                default:
                    field.Append(ch);
                    break;
            }
        }

        if (any)
        {
            fields.Add(field.ToString());
            yield return [.. fields];
        }
    }
}
