using System.Text.Json;
using NUnit.Framework;

namespace TrackSim.Tests.Cli;

[TestFixture]
public sealed class SchemaCommandTests
{
    [Test]
    public void Schema_prints_indented_json_with_lf_endings_and_a_final_newline()
    {
        var run = CliRun.Of("schema");

        using var document = JsonDocument.Parse(run.Out);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(0));
            Assert.That(run.Error, Is.Empty);
            Assert.That(document.RootElement.GetProperty("$schema").GetString(), Is.EqualTo("https://json-schema.org/draft/2020-12/schema"));
            Assert.That(document.RootElement.GetProperty("properties").TryGetProperty("states", out _), Is.True);
            Assert.That(run.Out, Does.StartWith("{\n  \"$schema\": "));
            Assert.That(run.Out, Does.Not.Contain("\r"));
            Assert.That(run.Out, Does.EndWith("}\n"));
        }
    }

    [Test]
    public void Schema_out_writes_the_same_text_to_the_file_and_nothing_to_stdout()
    {
        string folder = Path.Combine(Path.GetTempPath(), "tracksim-cli-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            string file = Path.Combine(folder, "scenario.schema.json");
            File.WriteAllText(file, "stale");

            var run = CliRun.Of("schema", "--out", file);

            using (Assert.EnterMultipleScope())
            {
                Assert.That(run.ExitCode, Is.EqualTo(0));
                Assert.That(run.Out, Is.Empty);
                Assert.That(File.ReadAllText(file), Is.EqualTo(CliRun.Of("schema").Out));
                Assert.That(Directory.GetFiles(folder), Is.EqualTo(new[] { file }), "no temporary file is left behind");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Schema_out_into_a_missing_folder_fails_with_exit_1_and_one_line()
    {
        string file = Path.Combine(Path.GetTempPath(), "tracksim-no-such-folder-" + Guid.NewGuid().ToString("N"), "schema.json");

        var run = CliRun.Of("schema", "--out", file);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.ErrorLines, Has.Length.EqualTo(1));
            Assert.That(run.Error, Does.StartWith($"tracksim: error: cannot write {file}: the folder "));
        }
    }

    [Test]
    public void Schema_out_without_a_file_name_is_a_usage_error()
    {
        var run = CliRun.Of("schema", "--out");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Error, Does.Contain("--out"));
            Assert.That(run.Error, Does.Contain("tracksim schema [options]"));
        }
    }
}
