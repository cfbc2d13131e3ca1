using TrackSim.Cli;

namespace TrackSim.Tests.Cli;

/// <summary>Runs <c>tracksim</c> in-process with a chosen Ctrl-C token and clock, capturing both streams.</summary>
internal static class CliInvocation
{
    public static CliRun Of(string[] args, TimeProvider clock, CancellationToken cancellation)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        int code = Program.Run(args, new CliConsole(stdout, stderr) { Cancellation = cancellation, Clock = clock });
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }
}
