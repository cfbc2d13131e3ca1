using ScottPlot;
using SkiaSharp;

namespace TrackSim.Reporting.Charts;

/// <summary>
/// The font charts use. DejaVu Sans is embedded in this assembly and registered with ScottPlot
/// before the first chart is drawn, so charts look the same on a machine with no fonts installed;
/// another family is used only if the machine has it.
/// </summary>
internal static class ChartFonts
{
    private static readonly Lock Gate = new();
    private static EmbeddedFontResolver? _resolver;
    private static byte[]? _regularData;
    private static byte[]? _boldData;

    /// <summary>Registers the embedded font with ScottPlot (once) and makes it the default.</summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (_resolver is not null)
            {
                return;
            }

            _regularData = Read("DejaVuSans.ttf");
            _boldData = Read("DejaVuSans-Bold.ttf");
            _resolver = new EmbeddedFontResolver(Load(_regularData, "DejaVuSans.ttf"), Load(_boldData, "DejaVuSans-Bold.ttf"));
            Fonts.FontResolvers.Insert(0, _resolver);
            Fonts.Default = ChartStyle.DefaultFont;
        }
    }

    /// <summary>
    /// The family to draw with for the requested one: the request when it is the embedded font or
    /// installed, else the embedded font and a note saying so.
    /// </summary>
    public static (string Family, string? Note) Resolve(string requested)
    {
        Register();
        if (string.Equals(requested, ChartStyle.DefaultFont, StringComparison.OrdinalIgnoreCase))
        {
            return (ChartStyle.DefaultFont, null);
        }

        return Installed(requested)
            ? (requested, null)
            : (ChartStyle.DefaultFont, $"the font '{requested}' is not installed; charts use {ChartStyle.DefaultFont}, which ships with TrackSim");
    }

    /// <summary>The typeface of a resolved family.</summary>
    public static SKTypeface Typeface(string family, bool bold)
    {
        Register();
        return string.Equals(family, ChartStyle.DefaultFont, StringComparison.OrdinalIgnoreCase)
            ? _resolver!.Get(bold)
            : Fonts.GetTypeface(family, bold, italic: false);
    }

    private static bool Installed(string family)
    {
        using var typeface = SKFontManager.Default.MatchFamily(family);
        return typeface is not null && string.Equals(typeface.FamilyName, family, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The bundled font's file (regular or bold), as SVG charts embed it.</summary>
    public static byte[] Data(bool bold)
    {
        Register();
        return bold ? _boldData! : _regularData!;
    }

    private static byte[] Read(string file)
    {
        string name = $"TrackSim.Reporting.Fonts.{file}";
        using var stream = typeof(ChartFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded font {name} is missing from the assembly.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    private static SKTypeface Load(byte[] bytes, string file)
    {
        using var data = SKData.CreateCopy(bytes);
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException($"The embedded font {file} cannot be read.");
    }

    private sealed class EmbeddedFontResolver(SKTypeface regular, SKTypeface bold) : IFontResolver
    {
        public SKTypeface Get(bool isBold) => isBold ? bold : regular;

        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) =>
            Matches(fontName) ? Get(weight >= FontWeight.SemiBold) : null;

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            Matches(fontName) ? Get(bold) : null;

        private static bool Matches(string fontName) => string.Equals(fontName, ChartStyle.DefaultFont, StringComparison.OrdinalIgnoreCase);
    }
}
