using TrackSim.Tests.Cli;
using TrackSim.Tests.Reporting;

namespace TrackSim.Tests.Reliability;

/// <summary>The chart settings run checks before drawing are checked by validate too, at their position.</summary>
[TestFixture]
public sealed class OutputsValidationTests
{
    private TempFolder _temp = null!;

    [SetUp]
    public void CreateFolder() => _temp = new TempFolder();

    [TearDown]
    public void DeleteFolder() => _temp.Dispose();

    [TestCase("outputs: { charts: [tension], width: 40, height: 40, dpi: 1200 }", "outputs.dpi: a 40 x 40 in chart at 1200 dpi would have 2,304,000,000 pixels; at most 100,000,000 are allowed")]
    [TestCase("outputs: { charts: [tension], font: \" \" }", "outputs.font: the font name is empty")]
    public void Outputs_run_cannot_draw_are_refused_by_validate_and_run_alike(string outputs, string message)
    {
        string path = _temp.File("charts.yaml");
        File.WriteAllText(path, TinyScenario.Yaml.Replace("outputs: { charts: [tension, public_trust, track2_trust, incidents, dialogue_open] }", outputs, StringComparison.Ordinal));

        var validate = CliRun.Of("validate", path);
        var run = CliRun.Of("run", path, "--out", _temp.File("out"), "-q");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(validate.ExitCode, Is.EqualTo(2));
            Assert.That(validate.ErrorLines[0], Does.StartWith(path + ":").And.Contain(message));
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.ErrorLines[0], Is.EqualTo(validate.ErrorLines[0]));
        }
    }

    [Test]
    public void Large_svg_only_charts_are_valid()
    {
        string path = _temp.File("svg.yaml");
        File.WriteAllText(path, TinyScenario.Yaml.Replace("outputs: { charts: [tension, public_trust, track2_trust, incidents, dialogue_open] }", "outputs: { charts: [tension], formats: [svg], width: 40, height: 40, dpi: 1200 }", StringComparison.Ordinal));

        Assert.That(CliRun.Of("validate", path).ExitCode, Is.EqualTo(0));
    }
}
