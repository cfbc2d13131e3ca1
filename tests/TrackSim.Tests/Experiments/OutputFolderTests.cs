using System.Diagnostics;
using TrackSim.Experiments.Files;
using TrackSim.Tests.Cli;
using TrackSim.Tests.Reporting;

namespace TrackSim.Tests.Experiments;

[TestFixture]
[NonParallelizable]
public sealed class OutputFolderTests
{
    [Test]
    public void A_second_open_of_a_locked_folder_waits_then_refuses_naming_the_folder()
    {
        using var temp = new TempFolder();
        using var first = OutputFolder.Open(temp.Path);

        var e = Assert.Throws<OutputFolderException>(() => OutputFolder.Open(temp.Path, TimeSpan.FromMilliseconds(200)))!;

        Assert.That(e.InUse, Is.True);
        Assert.That(e.Message, Does.Contain(temp.Path).And.Contain("in use"));
    }

    [Test]
    public void The_lock_goes_when_the_process_holding_it_is_killed()
    {
        using var temp = new TempFolder();
        string scenario = TinyScenario.WriteTo(temp.Path);
        string folder = temp.File("res");
        using var holder = ResultsFolderSafetyTests.Tracksim("run", scenario, "--out", folder, "-q", "-r", "100000", "-j", "1", "--no-charts");
        var until = DateTime.UtcNow.AddSeconds(30);
        bool held = false;
        while (!held && DateTime.UtcNow < until && !holder.HasExited)
        {
            try
            {
                using (OutputFolder.Open(folder, TimeSpan.Zero))
                {
                }

                Thread.Sleep(50);
            }
            catch (OutputFolderException e) when (e.InUse)
            {
                held = true;
            }
        }

        Assert.That(held, Is.True, "the run never held the folder's lock");
        holder.Kill(entireProcessTree: true);
        holder.WaitForExit();

        Assert.That(() => OutputFolder.Open(folder, TimeSpan.FromSeconds(2)).Dispose(), Throws.Nothing);
    }

    [TestCase("../x")]
    [TestCase("charts/../../x")]
    [TestCase("/etc/passwd")]
    [TestCase("")]
    [TestCase("a//b")]
    public void Paths_leaving_the_folder_are_refused(string relative)
    {
        using var temp = new TempFolder();
        using var folder = OutputFolder.Open(temp.Path);

        Assert.That(folder.IsSafe(relative), Is.False);
        Assert.That(folder.DeleteOwned(relative, new string('0', 64)), Is.False);
    }

    [Test]
    public void A_file_edited_since_TrackSim_wrote_it_is_kept()
    {
        using var temp = new TempFolder();
        using var folder = OutputFolder.Open(temp.Path);
        folder.Write("charts/a.png", s => s.Write("drawn"u8));
        string sha = OutputFolder.Sha256(temp.File("charts/a.png"));
        File.WriteAllText(temp.File("charts/a.png"), "edited");

        Assert.That(folder.DeleteOwned("charts/a.png", sha), Is.False);
        Assert.That(File.ReadAllText(temp.File("charts/a.png")), Is.EqualTo("edited"));
    }

    [Test]
    public void Nothing_is_written_through_a_symlinked_folder()
    {
        using var temp = new TempFolder();
        string outside = temp.File("outside");
        Directory.CreateDirectory(outside);
        string inside = temp.File("res");
        Directory.CreateDirectory(inside);
        Directory.CreateSymbolicLink(Path.Combine(inside, "charts"), outside);
        using var folder = OutputFolder.Open(inside);

        Assert.That(() => folder.Write("charts/a.png", s => s.Write("x"u8)), Throws.InstanceOf<OutputFolderException>().With.Message.Contains("charts"));
        Assert.That(Directory.GetFiles(outside), Is.Empty);
    }
}
