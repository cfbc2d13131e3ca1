using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TrackSim.Lessons;
using TrackSim.Scenarios.Loading;

namespace TrackSim.Tests.Server;

/// <summary><c>POST /api/scenario</c>: a run of the page as a scenario file that the command line reruns.</summary>
public sealed partial class ServerApiTests
{
    [TestCase("co-optation", "base", "parameters.track2.alignment_scale", 0.4, "incidents")]
    [TestCase("youth-and-language", "no-generational-change", "parameters.turnover.rate", 0.08, "working_language")]
    public async Task The_exported_scenario_reruns_with_tracksim_run_to_the_numbers_of_the_page_run(string lesson, string variant, string path, double value, string mechanism)
    {
        var body = new
        {
            lesson,
            variant,
            replicates = 3,
            set = new Dictionary<string, object> { [path] = value },
            mechanisms = new Dictionary<string, bool> { [mechanism] = false },
        };
        var run = await PostJson("api/run", body);
        var export = await PostJson("api/scenario", body);
        string folder = Path.Combine(Path.GetTempPath(), "tracksim-export-tests-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(folder);
            string file = Path.Combine(folder, export.GetProperty("file").GetString()!);
            File.WriteAllText(file, export.GetProperty("yaml").GetString()!, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            var loaded = ScenarioLoader.LoadFile(file);
            Assert.That(loaded.Errors, Is.Empty);

            // The command the answer gives, with the file where the test saved it and the output folder of the test.
            string[] command = export.GetProperty("command").GetString()!.Split(' ');
            Assert.That(command[..3], Is.EqualTo(new[] { "tracksim", "run", Path.GetFileName(file) }));
            var summary = RunAnswers.SummaryOfRun([file, .. command[3..]], Path.Combine(folder, "out"), 3);
            var scenario = loaded.Scenario!;

            using (Assert.EnterMultipleScope())
            {
                // The changes are in the file, not the lesson's values rerun by chance.
                Assert.That(scenario.Parameters[path["parameters.".Length..]], Is.EqualTo(value));
                Assert.That(scenario.Mechanisms.IsOn(mechanism), Is.False);
                Assert.That(scenario.Ensemble.Replicates, Is.EqualTo(3));
                Assert.That(summary.Replicates, Is.EqualTo(3));
                Assert.That(summary.Series.Select(s => s.Variant).Distinct(), Is.EqualTo(new[] { variant }));
                RunAnswers.AssertSeriesEqual(run, summary, variant);
            }
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Test]
    public async Task The_exported_file_opens_with_a_header_naming_the_lesson_the_changes_the_lost_comments_and_the_command()
    {
        var export = await PostJson("api/scenario", new
        {
            lesson = "co-optation",
            variant = "independent",
            set = new Dictionary<string, object> { ["citizens.per_state"] = 300 },
            mechanisms = new Dictionary<string, bool> { ["incidents"] = false },
        });
        string yaml = export.GetProperty("yaml").GetString()!;
        var header = yaml.Split('\n').TakeWhile(l => l.StartsWith('#')).ToList();
        const string command = "tracksim run co-optation-classroom.yaml --variant independent";

        using (Assert.EnterMultipleScope())
        {
            Assert.That(export.GetProperty("file").GetString(), Is.EqualTo("co-optation-classroom.yaml"));
            Assert.That(export.GetProperty("command").GetString(), Is.EqualTo(command));
            Assert.That(header[0], Is.EqualTo("# Exported from the TrackSim classroom page: lesson co-optation (Co-optation - agreement on trade, not on the border), variant independent."));

            // With no replicates asked for, the run used the lesson's 10, which the file now holds.
            Assert.That(header, Does.Contain("#   citizens.per_state = 300").And.Contain("#   mechanisms.incidents = false").And.Contain("#   ensemble.replicates = 10"));
            Assert.That(header, Has.Some.Contains("comments of the lesson's scenario file were dropped"));
            Assert.That(header[^1], Is.EqualTo("#   " + command));
            Assert.That(yaml, Does.Contain("\nname: co-optation\n"), "the tree follows the header");
            Assert.That(yaml, Does.Not.Contain("yaml-language-server"), "the original's comments are gone, as the header says");
        }
    }

    [Test]
    public async Task A_changed_text_with_line_breaks_stays_a_value_and_stays_escaped_in_the_header()
    {
        // A text a client sends must not become YAML keys or header lines of the file.
        const string title = "Line one\nname: injected\r\n# and a comment";
        var export = await PostJson("api/scenario", new { lesson = "co-optation", replicates = 2, set = new Dictionary<string, object> { ["title"] = title } });
        string yaml = export.GetProperty("yaml").GetString()!;
        var loaded = ScenarioLoader.LoadText(yaml, "co-optation-classroom.yaml");
        var lines = yaml.Split('\n');
        int header = lines.TakeWhile(l => l.StartsWith('#')).Count();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(loaded.Errors, Is.Empty);
            Assert.That(loaded.Scenario?.Title, Is.EqualTo(title));
            Assert.That(loaded.Scenario?.Name, Is.EqualTo("co-optation"));
            Assert.That(lines[..header], Has.Some.Contains("title = Line one\\u000Aname: injected\\u000D\\u000A# and a comment"));
            Assert.That(lines[header], Is.Empty, "a blank line after the header");
            Assert.That(lines[(header + 1)..], Has.None.StartsWith("#"));
        }
    }

    [TestCase("{\"lesson\":\"co-optation\",\"set\":{\"parameters.posture.feer\":0.3}}", HttpStatusCode.BadRequest)]
    [TestCase("{\"lesson\":\"co-optation\",\"set\":{\"parameters.posture.fear\":7}}", HttpStatusCode.BadRequest)]
    [TestCase("{\"lesson\":\"co-optation\",\"set\":{\"events[9].severity\":0.5}}", HttpStatusCode.BadRequest)]
    [TestCase("{\"lesson\":\"co-optation\",\"set\":{\"a=b\":1}}", HttpStatusCode.BadRequest)]
    [TestCase("{\"lesson\":\"co-optation\",\"set\":{\"title\":[1]}}", HttpStatusCode.BadRequest)]
    [TestCase("{\"lesson\":\"co-optation\",\"set\":{\"citizens.per_state\":200000}}", HttpStatusCode.BadRequest)]
    [TestCase("{\"lesson\":\"co-optation\",\"replicates\":51}", HttpStatusCode.BadRequest)]
    [TestCase("{\"lesson\":\"co-optation\",\"replicates\":0}", HttpStatusCode.BadRequest)]
    [TestCase("{\"lesson\":\"co-optation\",\"variant\":\"indepedent\"}", HttpStatusCode.BadRequest)]
    [TestCase("{\"lesson\":\"co-optation\",\"mechanisms\":{\"nope\":false}}", HttpStatusCode.BadRequest)]
    [TestCase("{\"lesson\":\"co-optation\",\"replicates\":\"many\"}", HttpStatusCode.BadRequest)]
    [TestCase("[1, 2", HttpStatusCode.BadRequest)]
    [TestCase("{\"lesson\":\"co-optation\",\"sets\":{}}", HttpStatusCode.BadRequest)]
    [TestCase("{}", HttpStatusCode.BadRequest)]
    [TestCase("{\"lesson\":\"no-such-lesson\"}", HttpStatusCode.NotFound)]
    [TestCase("{\"lesson\":\"../minimal\"}", HttpStatusCode.NotFound)]
    public async Task A_bad_export_request_is_refused_with_the_status_and_message_of_the_same_run_request(string body, HttpStatusCode status)
    {
        var (runStatus, runError) = await PostRaw("api/run", body);
        var (exportStatus, exportError) = await PostRaw("api/scenario", body);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(runStatus, Is.EqualTo(status), runError);
            Assert.That(exportStatus, Is.EqualTo(status));
            Assert.That(exportError, Is.EqualTo(runError));
        }
    }

    [TestCase("co-optation", "co-optation-classroom.yaml")]
    [TestCase("My lesson (2)", "My-lesson--2--classroom.yaml")]
    [TestCase("", "lesson-classroom.yaml")]
    public void The_suggested_file_name_keeps_only_safe_characters_of_the_lesson_id(string id, string expected) =>
        Assert.That(ScenarioExport.FileName(id), Is.EqualTo(expected));

    private async Task<(HttpStatusCode Status, string Error)> PostRaw(string path, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync(path, content);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response.StatusCode, answer.TryGetProperty("error", out var error) ? error.GetString()! : string.Create(CultureInfo.InvariantCulture, $"no error: {answer}"));
    }
}
