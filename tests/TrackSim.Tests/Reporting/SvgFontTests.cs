using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Playwright;
using SkiaSharp;
using TrackSim.Experiments.Ensembles;
using TrackSim.Reporting.Charts;
using TrackSim.Tests.Browser;

namespace TrackSim.Tests.Reporting;

/// <summary>
/// SVG charts carry their font: the faces their text uses are embedded, reduced to the glyphs
/// needed, and a browser draws the text with them even where the font's name is unknown.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed partial class SvgFontTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly string[] BothWeights = ["normal", "bold"];
    private static readonly string[] OnlyDejaVu = [ChartStyle.DefaultFont];
    private static readonly string[] LoadedQuoted = ["\"DejaVu Sans\" normal loaded", "\"DejaVu Sans\" bold loaded"];
    private static readonly string[] Loaded = ["DejaVu Sans normal loaded", "DejaVu Sans bold loaded"];

    private byte[] _svg = [];

    [OneTimeSetUp]
    public void Draw()
    {
        var ensemble = TinyScenario.Run();
        var summary = SummaryTable.FromEnsemble(ensemble);
        var inputs = ChartInputs.FromEnsemble(ensemble, ChartStyle.Default);

        // The comparison has a bold title and bold panel headers besides the regular text.
        var chart = ChartPlanner.Plan(summary, inputs).Charts.Single(c => c.FileStem == "compare-public_trust");
        _svg = new ChartRenderer(chart, inputs, ChartStyle.Default, ChartStyle.DefaultFont).Svg();
    }

    [Test]
    public void The_svg_embeds_each_face_its_text_uses_with_every_glyph_of_that_text()
    {
        var document = XDocument.Parse(System.Text.Encoding.UTF8.GetString(_svg));
        string css = string.Concat(document.Descendants(Svg + "style").Select(s => s.Value));
        var faces = FontFace().Matches(css).ToDictionary(m => m.Groups["weight"].Value, m => Convert.FromBase64String(m.Groups["data"].Value));
        var texts = document.Descendants(Svg + "text").ToList();
        string regularText = string.Concat(texts.Where(t => t.Attribute("font-weight") is null).Select(t => t.Value));
        string boldText = string.Concat(texts.Where(t => t.Attribute("font-weight") is not null).Select(t => t.Value));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(faces.Keys, Is.EquivalentTo(BothWeights));
            Assert.That(regularText, Is.Not.Empty);
            Assert.That(boldText, Is.Not.Empty);
            Assert.That(texts.Select(t => (string?)t.Attribute("font-family")).Distinct(), Is.EqualTo(OnlyDejaVu));
        }

        foreach (var (weight, chars) in new[] { ("normal", regularText), ("bold", boldText) })
        {
            byte[] full = ChartFonts.Data(bold: weight == "bold");

            // Reduced to the glyphs the chart needs: a small part of the font.
            Assert.That(faces[weight], Has.Length.LessThan(full.Length / 5), weight);
            using var data = SKData.CreateCopy(faces[weight]);
            using var subset = SKTypeface.FromData(data);
            using var original = SKTypeface.FromData(SKData.CreateCopy(full));
            Assert.That(subset, Is.Not.Null, $"the {weight} face must be a readable font");
            Assert.That(subset.FamilyName, Is.EqualTo(ChartStyle.DefaultFont));
            using var font = new SKFont(subset, 10);
            using var reference = new SKFont(original, 10);
            foreach (char c in chars.Distinct().Where(c => !char.IsWhiteSpace(c)))
            {
                // Every character drawn has its outline, the same as in the full font.
                ushort glyph = subset.GetGlyph(c);
                using var path = font.GetGlyphPath(glyph);
                using var expected = reference.GetGlyphPath(original.GetGlyph(c));
                Assert.That(glyph, Is.Not.Zero, $"'{c}' ({weight})");
                Assert.That(path.ToSvgPathData(), Is.EqualTo(expected.ToSvgPathData()).And.Not.Empty, $"'{c}' ({weight})");
            }
        }
    }

    [Test]
    public void A_subset_keeps_the_outlines_asked_for_and_empties_the_others()
    {
        byte[] full = ChartFonts.Data(bold: false);
        using var original = SKTypeface.FromData(SKData.CreateCopy(full));
        ushort a = original.GetGlyph('A');
        ushort b = original.GetGlyph('B');

        // 'Ä' is a composite of 'A' and a diaeresis: kept, it keeps its components.
        ushort umlaut = original.GetGlyph('Ä');
        byte[] reduced = SvgFonts.Subset(full, new HashSet<int> { 0, umlaut });
        using var subset = SKTypeface.FromData(SKData.CreateCopy(reduced));
        using var font = new SKFont(subset, 10);
        using var reference = new SKFont(original, 10);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(font.GetGlyphPath(umlaut).ToSvgPathData(), Is.EqualTo(reference.GetGlyphPath(umlaut).ToSvgPathData()).And.Not.Empty);
            Assert.That(font.GetGlyphPath(a).ToSvgPathData(), Is.EqualTo(reference.GetGlyphPath(a).ToSvgPathData()).And.Not.Empty);
            Assert.That(font.GetGlyphPath(b).ToSvgPathData(), Is.Empty);

            // Glyph numbers and advances are those of the full font.
            Assert.That(subset.GetGlyph('B'), Is.EqualTo(b));
            Assert.That(font.MeasureText("AB"), Is.EqualTo(reference.MeasureText("AB")));
            Assert.That(reduced, Has.Length.LessThan(full.Length / 5));
        }
    }

    [Test]
    public async Task Chromium_draws_the_text_with_the_embedded_font_under_a_name_no_machine_has()
    {
        string? chromium = ChromiumLocator.Find();
        if (chromium is null)
        {
            Assert.Fail(ChromiumLocator.InstallHint);
        }

        // The same SVG with its font renamed, in the text and in the @font-face alike: no machine has
        // a font of that name, so its text can only be drawn with the embedded faces.
        string text = System.Text.Encoding.UTF8.GetString(_svg);
        string renamed = text.Replace(ChartStyle.DefaultFont, "TrackSim Absent Face", StringComparison.Ordinal);
        string unembedded = StyleElement().Replace(renamed, string.Empty);
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("as-written.svg"), text);
        File.WriteAllText(temp.File("renamed.svg"), renamed);
        File.WriteAllText(temp.File("unembedded.svg"), unembedded);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true, Timeout = 60_000 });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 400, Height = 300 } });
        async Task<(byte[] Shot, string[] Faces)> Open(string file)
        {
            await page.GotoAsync(new Uri(temp.File(file)).AbsoluteUri);
            string[] faces = await page.EvaluateAsync<string[]>("async () => { await document.fonts.ready; return [...document.fonts].map(f => f.family + ' ' + f.weight + ' ' + f.status); }");
            return (await page.ScreenshotAsync(), faces);
        }

        var asWritten = await Open("as-written.svg");
        var renamedShot = await Open("renamed.svg");
        var unembeddedShot = await Open("unembedded.svg");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(asWritten.Faces, Is.EquivalentTo(LoadedQuoted).Or.EquivalentTo(Loaded));

            // The renamed chart is drawn pixel for pixel as the chart as written; without the
            // embedded faces the browser's fallback font draws other glyphs (the test's own check).
            Assert.That(Differing(renamedShot.Shot, asWritten.Shot), Is.Zero);
            Assert.That(Differing(unembeddedShot.Shot, asWritten.Shot), Is.GreaterThan(100));
        }
    }

    private static int Differing(byte[] first, byte[] second)
    {
        using var a = SKBitmap.Decode(first);
        using var b = SKBitmap.Decode(second);
        Assert.That((a.Width, a.Height), Is.EqualTo((b.Width, b.Height)));
        var pa = a.Pixels;
        var pb = b.Pixels;
        return pa.Zip(pb).Count(p => p.First != p.Second);
    }

    [GeneratedRegex(@"@font-face\{[^}]*font-weight:(?<weight>\w+);src:url\(data:font/ttf;base64,(?<data>[A-Za-z0-9+/=]+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex FontFace();

    [GeneratedRegex(@"<defs><style[^>]*>.*?</style></defs>", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex StyleElement();
}
