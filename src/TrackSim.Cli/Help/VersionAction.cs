using System.CommandLine;
using System.CommandLine.Invocation;

namespace TrackSim.Cli.Help;

/// <summary>Prints <c>tracksim VERSION</c>, without the build metadata the default action shows.</summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    /// <inheritdoc />
    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        parseResult.InvocationConfiguration.Output.WriteLine($"{ToolInfo.Name} {ToolInfo.Version}");
        return ExitCodes.Success;
    }
}
