using System.Diagnostics;
using NUnit.Framework;
using TrackSim.Tests.Cli;

namespace TrackSim.Tests.Reliability;

/// <summary>A scenario file is read in bounded chunks: its reported size is not trusted.</summary>
[TestFixture]
public sealed class BoundedReadTests
{
    private const string Limit = "a scenario may be at most 16,777,216 bytes";

    [Test]
    public void Endless_device_stops_at_the_limit_with_a_positioned_message()
    {
        Assume.That(File.Exists("/dev/zero"), "needs /dev/zero");

        var run = CliRun.Of("validate", "/dev/zero");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.ErrorLines[0], Does.StartWith("/dev/zero:1:1: error: ").And.Contain(Limit));
        }
    }

    [Test]
    public void Pipe_that_reports_no_size_stops_at_the_limit()
    {
        Assume.That(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "needs mkfifo");
        string folder = Path.Combine(Path.GetTempPath(), "tracksim-fifo-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        string fifo = Path.Combine(folder, "scenario.yaml");
        try
        {
            using (var mkfifo = Process.Start("mkfifo", fifo))
            {
                mkfifo.WaitForExit();
                Assume.That(mkfifo.ExitCode, Is.Zero, "mkfifo failed");
            }

            // The writer offers more than the limit; the reader must stop and close, which ends the writer.
            var writer = Task.Run(() =>
            {
                try
                {
                    using var stream = new FileStream(fifo, FileMode.Open, FileAccess.Write);
                    byte[] line = "# comment line filling the pipe ..........................................\n"u8.ToArray();
                    for (long written = 0; written <= 20L * 1024 * 1024; written += line.Length)
                    {
                        stream.Write(line);
                    }
                }
                catch (IOException)
                {
                    // The reader closed the pipe: expected.
                }
            });

            var run = CliRun.Of("validate", fifo);

            using (Assert.EnterMultipleScope())
            {
                Assert.That(run.ExitCode, Is.EqualTo(2));
                Assert.That(run.ErrorLines[0], Does.StartWith(fifo + ":1:1: error: ").And.Contain(Limit));
            }

            Assert.That(writer.Wait(TimeSpan.FromSeconds(30)), Is.True, "the writer was not released");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void File_reporting_size_zero_is_still_read()
    {
        // Files under /proc report a length of 0 but have content.
        Assume.That(File.Exists("/proc/self/status"), "needs /proc");

        var run = CliRun.Of("validate", "/proc/self/status");

        // Its content is read (and is not a scenario), rather than taken as an empty file.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Error, Does.Not.Contain("the file is empty"));
        }
    }
}
