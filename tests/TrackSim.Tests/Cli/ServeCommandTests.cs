using TrackSim.Cli;
using TrackSim.Cli.Commands;

namespace TrackSim.Tests.Cli;

/// <summary><c>tracksim serve</c> refuses bad options before it listens; the server itself is tested in Server/.</summary>
[TestFixture]
public sealed class ServeCommandTests
{
    [TestCase("--port", "0")]
    [TestCase("--port", "65536")]
    [TestCase("--port", "http")]
    [TestCase("--host", "example.org")]
    [TestCase("--host", "300.1.1.1")]
    [TestCase("--scenarios", "no-such-folder-of-scenarios")]
    public void A_bad_option_exits_2_with_a_message_naming_it_and_no_stack_trace(string option, string value)
    {
        var run = CliRun.Of("serve", option, value);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(run.Error, Does.Contain(option).And.Contain(value));
            Assert.That(run.Error, Does.Not.Contain("   at "));
            Assert.That(run.Out, Is.Empty);
        }
    }

    [TestCase("127.0.0.1", true)]
    [TestCase("0.0.0.0", true)]
    [TestCase("::1", true)]
    [TestCase("localhost", true)]
    [TestCase("lab-server", false)]
    [TestCase("", false)]
    public void Host_accepts_addresses_and_localhost_only(string host, bool accepted)
    {
        Assert.That(ServeCommand.IsHost(host), Is.EqualTo(accepted));
    }
}
