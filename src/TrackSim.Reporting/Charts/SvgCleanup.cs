using System.Text;
using System.Text.RegularExpressions;

namespace TrackSim.Reporting.Charts;

/// <summary>
/// Tidies the SVG that Skia writes. Its clip-path ids come from a counter shared by the whole
/// process, so the same chart drawn twice would differ; they are renumbered in order of
/// appearance. Its glyph position lists end in a stray comma, which strict readers refuse.
/// </summary>
internal static partial class SvgCleanup
{
    /// <summary>The SVG with ids <c>clip1</c>, <c>clip2</c>... and clean coordinate lists.</summary>
    public static byte[] Apply(byte[] svg)
    {
        ArgumentNullException.ThrowIfNull(svg);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        string text = ClipId().Replace(Encoding.UTF8.GetString(svg), match =>
        {
            if (!ids.TryGetValue(match.Value, out string? renamed))
            {
                renamed = $"clip{ids.Count + 1}";
                ids[match.Value] = renamed;
            }

            return renamed;
        });
        text = TrailingComma().Replace(text, "$1\"");
        return Encoding.UTF8.GetBytes(text);
    }

    [GeneratedRegex(@"\bcl_[0-9a-f]+\b", RegexOptions.CultureInvariant)]
    private static partial Regex ClipId();

    [GeneratedRegex(@"( (?:x|y)=""[^""]*?),\s*""", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingComma();
}
