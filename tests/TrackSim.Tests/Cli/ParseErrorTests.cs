using TrackSim.Tests.Reporting;

namespace TrackSim.Tests.Cli;

/// <summary>
/// Every wrong value of every option of every command is a usage error: exit code 2, a plain
/// message on standard error (no type name, stack trace or "please report this"), nothing on
/// standard output and nothing written.
/// </summary>
[TestFixture]
public sealed class ParseErrorTests
{
    // {S} is a valid scenario file, {O} a folder or file that must not appear.
    private const string Vary = "--vary parameters.posture.fear=0.1:0.5";

    private static readonly string[] WholeNumbers = ["-1", "abc", "1e3", "1.5", "99999999999999999999999", ""];
    private static readonly string[] Numbers = ["-1", "abc", "1e3", "NaN", "Infinity", "0", ""];
    private static readonly string[] ChartCommands = ["run {S} --out {O}", "plot {P}", $"sweep {{S}} {Vary} --out {{O}}", "merge {P} --out {O}"];

    private TempFolder _temp = null!;
    private string _scenario = string.Empty;

    [SetUp]
    public void CreateFolder()
    {
        _temp = new TempFolder();
        _scenario = TinyScenario.WriteTo(_temp.Path);
    }

    [TearDown]
    public void DeleteFolder() => _temp.Dispose();

    /// <summary>Command lines with one wrong value each, tab-separated so that empty values survive.</summary>
    public static IEnumerable<TestCaseData> WrongCommandLines()
    {
        foreach (string command in new[] { "run {S} --out {O}", $"sweep {{S}} {Vary} --out {{O}}" })
        {
            foreach (string value in WholeNumbers)
            {
                yield return Case(command, "--seed", value);
                yield return Case(command, "-r", value);
                yield return Case(command, "--replicates", value);
                yield return Case(command, "-j", value);
                yield return Case(command, "--threads", value);
            }

            yield return Case(command, "--seed", "9007199254740992");
            yield return Case(command, "--seed", "18446744073709551616");
            yield return Case(command, "-r", "0");
            yield return Case(command, "-r", "100001");
            yield return Case(command, "-j", "0");
            yield return Case(command, "-j", "1025");
            yield return Case(command, "--set", string.Empty);
            yield return Case(command, "--set", "nope");
            yield return Case(command, "--set", "citizens.per_state=abc");
            yield return Case(command, "--quiet=maybe");
            yield return Case(command, "--no-charts=maybe");
            yield return Case(command, "--force=maybe");
            yield return Case(command, "--seed");
            yield return Case(command, "--nope");
        }

        foreach (string command in ChartCommands)
        {
            foreach (string value in WholeNumbers.Append("0").Append("49").Append("1201"))
            {
                yield return Case(command, "--dpi", value);
            }

            foreach (string value in Numbers.Append("41"))
            {
                yield return Case(command, "--width", value);
                yield return Case(command, "--height", value);
            }

            foreach (string value in Numbers.Append("73"))
            {
                yield return Case(command, "--font-size", value);
            }

            yield return Case(command, "--format", "gif");
            yield return Case(command, "--dpi");
        }

        yield return Case("run {S} --out {O}", "--variant", string.Empty);
        yield return Case("run {S} --out {O}", "--variant", "nope");
        yield return Case("run {S} --out {O}", "--font", string.Empty);
        yield return Case("run {S} --out {O}", "--format", string.Empty);
        yield return Case("run {S}", "--out", string.Empty);
        yield return Case("run", string.Empty);
        yield return Case("run", "{O}");
        yield return Case("run {S} --out {O}", "extra");

        foreach (string value in WholeNumbers.Append("0"))
        {
            yield return Case($"sweep {{S}} {Vary} --design lhs --out {{O}}", "-n", value);
            yield return Case($"sweep {{S}} {Vary} --out {{O}}", "--samples", value);
        }

        foreach (string value in new[] { string.Empty, "nope", "a=1:0", "parameters.posture.fear=1:0", "parameters.posture.fear=0:1:x", "parameters.posture.fear=0:1:-1", "name=0:1" })
        {
            yield return Case("sweep {S} --out {O}", "--vary", value);
        }

        foreach (string value in new[] { string.Empty, "-1/2", "2/2", "1/0", "1e3/4", "a/b", "0" })
        {
            yield return Case($"sweep {{S}} {Vary} --out {{O}}", "--shard", value);
        }

        yield return Case($"sweep {{S}} {Vary} --out {{O}}", "--design", string.Empty);
        yield return Case($"sweep {{S}} {Vary} --out {{O}}", "--design", "random");
        yield return Case($"sweep {{S}} {Vary} --out {{O}}", "--outcome", string.Empty);
        yield return Case($"sweep {{S}} {Vary} --out {{O}}", "--outcome", "nope");
        yield return Case($"sweep {{S}} {Vary} --out {{O}}", "--outcome", "tension:ZZ");
        yield return Case($"sweep {{S}} {Vary}", "--out", string.Empty);
        yield return Case("sweep {S} --out {O}");
        yield return Case("sweep", string.Empty);

        yield return Case("merge {P}", "--out", string.Empty);
        yield return Case("merge {P}");
        yield return Case("merge", "--out", "{O}");
        yield return Case("merge {P} --out {O}", "--quiet=maybe");

        yield return Case("plot", string.Empty);
        yield return Case("plot", "{O}");
        yield return Case("plot {P}", "--quiet=maybe");
        yield return Case("plot");

        yield return Case("validate", string.Empty);
        yield return Case("validate", "--strict", "{S}");
        yield return Case("validate");

        yield return Case("describe", string.Empty);
        yield return Case("describe {S}", "--out", string.Empty);
        yield return Case("describe {S}", "--set", string.Empty);
        yield return Case("describe {S}", "--set", "nope=1");
        yield return Case("describe {S}", "--out");
        yield return Case("describe");

        yield return Case("schema", "--out", string.Empty);
        yield return Case("schema", "--out");
        yield return Case("schema", "extra");
        yield return Case("schema", "--nope");
        yield return Case("nope");
        yield return Case("--version", "extra");
    }

    [TestCaseSource(nameof(WrongCommandLines))]
    public void Wrong_values_exit_2_with_a_plain_message(string commandLine)
    {
        string output = _temp.File("out");
        string plotted = _temp.File("plotted");
        Directory.CreateDirectory(plotted);
        string[] args = [.. commandLine.Split('\t').SelectMany(part => part.StartsWith('\u0001') ? [part[1..]] : part.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(a => a.Replace("{S}", _scenario, StringComparison.Ordinal).Replace("{O}", output, StringComparison.Ordinal).Replace("{P}", plotted, StringComparison.Ordinal))];

        var run = CliRun.Of(args);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
            Assert.That(run.Out, Is.Empty);
            Assert.That(run.ErrorLines, Is.Not.Empty);
            Assert.That(run.ErrorLines[0], Does.Match(@"^(tracksim: error: |--set:\d+:\d+: error: |.+:\d+:\d+: error: )"), run.Error);
            Assert.That(run.Error, Does.Not.Contain("please report"));
            Assert.That(run.Error, Does.Not.Contain("System."));
            Assert.That(run.Error, Does.Not.Contain("Nullable"));
            Assert.That(run.Error, Does.Not.Contain("Exception"));
            Assert.That(run.Error, Does.Not.Match(@"\n\s+at "));
            Assert.That(Path.Exists(output), Is.False, "nothing is written");
        }
    }

    [TestCase("run", "--seed", "-1", "--seed: expected a whole number from 0 to 9007199254740991, found '-1'")]
    [TestCase("run", "-r", "abc", "--replicates: expected a whole number from 1 to 100000, found 'abc'")]
    [TestCase("run", "-j", "abc", "--threads: expected a whole number from 1 to 1024, found 'abc'")]
    [TestCase("run", "--dpi", "1e3", "--dpi: expected a whole number from 50 to 1200, found '1e3'")]
    [TestCase("run", "--width", "abc", "--width: expected a number of inches from 1 to 40, found 'abc'")]
    [TestCase("sweep", "--seed", "-1", "--seed: expected a whole number from 0 to 9007199254740991, found '-1'")]
    [TestCase("sweep", "-n", "", "--samples: expected a whole number from 1 to 2147483647, found ''")]
    public void A_number_that_does_not_parse_is_named_with_the_range_expected(string command, string option, string value, string message)
    {
        string[] args = command == "sweep" ? ["sweep", _scenario, "--vary", "parameters.posture.fear=0.1:0.5", option, value] : ["run", _scenario, option, value];

        var run = CliRun.Of(args);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.ErrorLines[0], Is.EqualTo($"tracksim: error: {message}"));
        }
    }

    [Test]
    public void A_huge_wrong_value_is_quoted_cut_short()
    {
        var run = CliRun.Of("run", _scenario, "-r", new string('9', 100_000));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.ErrorLines[0], Does.EndWith("... (100,000 characters)'"));
            Assert.That(run.ErrorLines[0], Has.Length.LessThan(200));
        }
    }

    // Parts separated by spaces; a part after a tab that starts with \u0001 is one argument as is (it may be empty).
    private static TestCaseData Case(string command, params string[] more)
    {
        string line = string.Join('\t', more.Select(m => "\u0001" + m).Prepend(command));
        return new TestCaseData(line).SetArgDisplayNames($"{command} {string.Join(' ', more.Select(m => m.Length == 0 ? "''" : m))}");
    }
}
