using System.CommandLine;
using System.Collections.Immutable;
using TrackSim.Reporting.Charts;

namespace TrackSim.Cli.Commands;

/// <summary>
/// The chart style options shared by <c>run</c>, <c>plot</c>, <c>sweep</c> and <c>merge</c>. For a run each one
/// overrides the scenario's <c>outputs</c>; sweep charts start from the defaults, so that a merged sweep
/// draws the same charts as the unsharded one.
/// </summary>
internal sealed class ChartOptions
{
    /// <summary>Image formats.</summary>
    public Option<string[]> Format { get; } = new("--format")
    {
        Description = "Chart formats: any of png, svg and pdf, comma-separated (default: the scenario's outputs.formats, or for plot the formats the results were drawn in).",
        HelpName = "png,svg,pdf",
        Arity = ArgumentArity.OneOrMore,
    };

    /// <summary>Width in inches.</summary>
    public Option<double?> Width { get; } = new Option<double?>("--width") { Description = "Chart width in inches, 1 to 40 (default: the scenario's outputs.width, or for plot the width the results were drawn at; 3.5, one journal column, when the scenario sets none).", HelpName = "IN" }.Number(1, 40, "inches");

    /// <summary>Height in inches.</summary>
    public Option<double?> Height { get; } = new Option<double?>("--height") { Description = "Chart height in inches, 1 to 40 (default: the scenario's outputs.height, or for plot the height the results were drawn at; 2.4 when the scenario sets none).", HelpName = "IN" }.Number(1, 40, "inches");

    /// <summary>PNG resolution.</summary>
    public Option<int?> Dpi { get; } = new Option<int?>("--dpi") { Description = "PNG resolution in dots per inch, 50 to 1200 (default: the scenario's outputs.dpi, or for plot the resolution the results were drawn at; 300 when the scenario sets none).", HelpName = "N" }.WholeNumber(50, 1200);

    /// <summary>Base font size.</summary>
    public Option<double?> FontSize { get; } = new Option<double?>("--font-size") { Description = "Base font size in points, 4 to 72 (default: the scenario's outputs.font_size, or for plot the size the results were drawn at; 8 when the scenario sets none).", HelpName = "PT" }.Number(4, 72, "points");

    /// <summary>Font family.</summary>
    public Option<string> Font { get; } = new("--font") { Description = "Font family (default DejaVu Sans, which ships with TrackSim; another must be installed).", HelpName = "NAME" };

    /// <summary>Adds the options to <paramref name="command"/>, with wrong values reported as usage errors.</summary>
    public void AddTo(Command command)
    {
        Format.Validators.Add(result =>
        {
            foreach (string format in Split(result.GetValueOrDefault<string[]>() ?? []).Where(f => !ChartStyle.KnownFormats.Contains(f)))
            {
                result.AddError($"--format: unknown format '{format}'; expected png, svg or pdf (several comma-separated).");
            }
        });
        command.Options.Add(Format);
        command.Options.Add(Width);
        command.Options.Add(Height);
        command.Options.Add(Dpi);
        command.Options.Add(FontSize);
        command.Options.Add(Font);
    }

    /// <summary><paramref name="style"/> with every option given on the command line applied.</summary>
    public ChartStyle Apply(ParseResult parseResult, ChartStyle style)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(style);
        if (parseResult.GetValue(Format) is { Length: > 0 } formats)
        {
            style = style with { Formats = [.. Split(formats).Distinct(StringComparer.Ordinal)] };
        }

        return style with
        {
            WidthInches = parseResult.GetValue(Width) ?? style.WidthInches,
            HeightInches = parseResult.GetValue(Height) ?? style.HeightInches,
            Dpi = parseResult.GetValue(Dpi) ?? style.Dpi,
            FontSize = parseResult.GetValue(FontSize) ?? style.FontSize,
            Font = parseResult.GetValue(Font) ?? style.Font,
        };
    }

    /// <summary>Values given repeatedly or comma-separated, trimmed and lower-cased.</summary>
    public static ImmutableArray<string> Split(IEnumerable<string> values) =>
        [.. values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Select(v => v.ToLowerInvariant())];
}
