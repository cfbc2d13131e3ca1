using TrackSim.Cli.Commands;
using TrackSim.Scenarios.Loading;
using TrackSim.Tests.Reporting;

namespace TrackSim.Tests.Cli;

/// <summary><c>tracksim examples</c> and <c>init</c>: the shipped scenarios travel with the program and copy out exactly.</summary>
[TestFixture]
public sealed class ExamplesAndInitTests
{
    private TempFolder _temp = null!;

    [SetUp]
    public void CreateFolder() => _temp = new TempFolder();

    [TearDown]
    public void DeleteFolder() => _temp.Dispose();

    [Test]
    public void Every_scenario_of_the_repository_ships_beside_the_program_unchanged()
    {
        string repository = RepositoryFiles.PathOf("scenarios");
        var inRepository = Directory.EnumerateFiles(repository, "*.yaml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(repository, f)).Order(StringComparer.Ordinal).ToList();
        var shipped = ShippedScenarios.All();

        Assert.That(shipped.Select(s => s.Name + ".yaml").Order(StringComparer.Ordinal), Is.EqualTo(inRepository.Select(p => p.Replace(Path.DirectorySeparatorChar, '/'))));
        foreach (var scenario in shipped)
        {
            Assert.That(File.ReadAllText(scenario.Path), Is.EqualTo(File.ReadAllText(Path.Combine(repository, scenario.Name + ".yaml"))), scenario.Name);
        }
    }

    [Test]
    public void Examples_lists_every_shipped_scenario_with_its_title()
    {
        var run = CliRun.Of("examples");

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        foreach (var scenario in ShippedScenarios.All())
        {
            var loaded = ScenarioLoader.LoadFile(scenario.Path);
            Assert.That(run.OutLines, Has.Some.Match($"^{System.Text.RegularExpressions.Regex.Escape(scenario.Name)} +{System.Text.RegularExpressions.Regex.Escape(loaded.Scenario!.Title)}$"), scenario.Name);
        }
    }

    [Test]
    public void Init_copies_a_scenario_that_validates_and_never_replaces_a_file_unforced()
    {
        string file = _temp.File("mine.yaml");
        var first = CliRun.Of("init", "teaching/transfer", file);
        Assert.That(first.ExitCode, Is.Zero, first.Error);
        string copy = File.ReadAllText(file);
        File.WriteAllText(file, "my edits");

        var second = CliRun.Of("init", "teaching/transfer", file);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(copy, Is.EqualTo(File.ReadAllText(RepositoryFiles.PathOf("scenarios/teaching/transfer.yaml"))));
            Assert.That(first.Out, Does.Contain($"run it with 'tracksim run {file}'"));
            Assert.That(second.ExitCode, Is.EqualTo(1));
            Assert.That(second.Error, Does.Contain("exists; use --force"));
            Assert.That(File.ReadAllText(file), Is.EqualTo("my edits"));
        }

        Assert.That(CliRun.Of("init", "teaching/transfer", file, "--force").ExitCode, Is.Zero);
        Assert.That(CliRun.Of("validate", file).ExitCode, Is.Zero);
    }

    [Test]
    public void Init_into_a_folder_uses_the_scenario_file_name()
    {
        var run = CliRun.Of("init", "minimal", _temp.Path);

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(File.Exists(Path.Combine(_temp.Path, "minimal.yaml")), Is.True);
    }

    [Test]
    public void Init_of_an_unknown_name_suggests_the_closest_and_writes_nothing()
    {
        var run = CliRun.Of("init", "teaching/transfr", _temp.File("x.yaml"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Error, Does.Contain("no shipped scenario 'teaching/transfr'; did you mean 'teaching/transfer'?"));
            Assert.That(File.Exists(_temp.File("x.yaml")), Is.False);
        }
    }
}
