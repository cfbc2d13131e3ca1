using System.Diagnostics;
using TrackSim.Tests.Reporting;

namespace TrackSim.Tests.Cli;

/// <summary>
/// A console that cannot be written (standard error closed, or either stream on a full device)
/// never loses the results or aborts the process. These run the built tool in a real process,
/// since only a shell can start it with a stream closed.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ConsoleStreamTests
{
    private const string FullDevice = "/dev/full";

    private TempFolder _temp = null!;
    private string _scenario = string.Empty;

    [SetUp]
    public void CreateFolder()
    {
        if (!File.Exists(FullDevice))
        {
            Assert.Ignore($"{FullDevice} does not exist on this system");
        }

        _temp = new TempFolder();
        _scenario = TinyScenario.WriteTo(_temp.Path);
    }

    [TearDown]
    public void DeleteFolder() => _temp?.Dispose();

    [TestCase("2>&-", TestName = "Run with standard error closed writes its results and exits 0")]
    [TestCase("2>/dev/full", TestName = "Run with standard error on a full device writes its results and exits 0")]
    public void Run_without_standard_error_writes_its_results(string redirect)
    {
        string folder = _temp.File("out");

        var (code, output, _) = Tracksim(redirect, "run", _scenario, "-r", "2", "-j", "1", "--no-charts", "--out", folder);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.Zero, output);
            Assert.That(File.Exists(Path.Combine(folder, "manifest.json")), Is.True, "the results are written");
            Assert.That(output, Does.Contain("summary.csv"), "standard output still has the summary");
        }
    }

    [Test]
    public void Run_with_standard_output_on_a_full_device_writes_its_results_and_exits_0_with_a_note()
    {
        string folder = _temp.File("out");

        var (code, _, error) = Tracksim(">/dev/full", "run", _scenario, "-r", "2", "-j", "1", "--no-charts", "--out", folder);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.Zero, error);
            Assert.That(File.Exists(Path.Combine(folder, "manifest.json")), Is.True, "the results are written");
            Assert.That(error, Does.Contain("tracksim: note: standard output could not be written (No space left on device); the results were written"));
        }
    }

    [Test]
    public void Run_with_both_streams_lost_still_writes_its_results()
    {
        string folder = _temp.File("out");

        var (code, _, _) = Tracksim(">/dev/full 2>&-", "run", _scenario, "-r", "2", "-j", "1", "--no-charts", "--out", folder);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.Zero);
            Assert.That(File.Exists(Path.Combine(folder, "manifest.json")), Is.True);
        }
    }

    [Test]
    public void A_command_whose_result_is_its_output_fails_when_the_output_is_lost()
    {
        var (code, _, error) = Tracksim(">/dev/full", "schema");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(error, Does.Contain("tracksim: error: standard output could not be written"));
        }
    }

    [Test]
    public void An_error_with_standard_error_closed_keeps_its_exit_code()
    {
        var (code, _, _) = Tracksim("2>&-", "validate", _temp.File("missing.yaml"));

        Assert.That(code, Is.EqualTo(2));
    }

    /// <summary>Runs the built tool through /bin/sh with <paramref name="redirect"/> applied to it.</summary>
    private static (int Code, string Out, string Error) Tracksim(string redirect, params string[] args)
    {
        string tool = Path.Combine(AppContext.BaseDirectory, "tracksim.dll");
        Assert.That(File.Exists(tool), Is.True, $"the built tool at {tool}");
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"exec \"$@\" {redirect}");
        start.ArgumentList.Add("sh");
        start.ArgumentList.Add(dotnet);
        start.ArgumentList.Add(tool);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill();
            Assert.Fail("tracksim did not finish within two minutes");
        }

        return (process.ExitCode, output.Result, error.Result);
    }
}
