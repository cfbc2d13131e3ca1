using System.Buffers.Binary;
using Microsoft.Playwright;

namespace TrackSim.Tests.Browser;

/// <summary>
/// Screenshots of the classroom page for docs/CLASSROOM.md: the co-optation lesson after a run, at
/// a projector's and a laptop's size. With <c>UPDATE_DOCS=1</c> they are written to
/// <c>docs/images/classroom/</c>; otherwise to a temporary folder, so that every run takes them and
/// checks what it took.
/// </summary>
[TestFixture]
public sealed class ClassroomScreenshotTests : PageTestBase
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private string _folder = null!;

    [OneTimeSetUp]
    public void ChooseFolder()
    {
        _folder = RepositoryFiles.Updating
            ? RepositoryFiles.PathOf("docs/images/classroom")
            : Directory.CreateTempSubdirectory("tracksim-screenshots-").FullName;
        Directory.CreateDirectory(_folder);
    }

    [OneTimeTearDown]
    public void RemoveTemporaryFolder()
    {
        if (!RepositoryFiles.Updating && _folder is not null)
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [TestCase("page-projector.png", 1920, 1080)]
    [TestCase("page-laptop.png", 1366, 768)]
    public async Task The_co_optation_lesson_after_a_run_is_captured_at_the_screens_size(string file, int width, int height)
    {
        var page = await OpenPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await SelectLessonAsync(page, "co-optation");

        // As a class would use it: a prediction locked, the exercise's value applied, the run explained.
        await page.Locator("#predict-series").SelectOptionAsync(new SelectOptionValue { Label = "Track II agreement (veterans-dialogue)" });
        await page.Locator("#predict-year").SelectOptionAsync("2006");
        await page.Locator("#predict-value").FillAsync("0.75");
        await page.Locator("#predict-lock").ClickAsync();
        await page.Locator("#exercise-0").ClickAsync();
        await RunAsync(page);
        await Assertions.Expect(page.Locator("#verdict")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#charts svg")).ToHaveCountAsync(5);
        var path = Path.Combine(_folder, file);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, Type = ScreenshotType.Png });

        var bytes = await File.ReadAllBytesAsync(path);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(bytes.Take(PngSignature.Length), Is.EqualTo(PngSignature), "a PNG file");
            // The IHDR chunk comes first: its width and height are big-endian at bytes 16 and 20.
            Assert.That(BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)), Is.EqualTo(width));
            Assert.That(BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)), Is.EqualTo(height));
            // A blank page at these sizes compresses to a few kilobytes; charts and text take far more.
            Assert.That(bytes, Has.Length.GreaterThan(50_000), "a page with charts and text, not a blank one");
        }
    }
}
