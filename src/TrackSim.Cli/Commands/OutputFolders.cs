using TrackSim.Experiments.Files;

namespace TrackSim.Cli.Commands;

/// <summary>Opens the output folder of a command before any work, reporting why it cannot be used.</summary>
internal static class OutputFolders
{
    /// <summary>
    /// The locked, writable <paramref name="folder"/>; null after reporting on <paramref name="stderr"/>
    /// (exit 1 when another command holds it, 2 when the path cannot be a folder or written).
    /// </summary>
    public static OutputFolder? Open(string folder, TextWriter stderr, out int exitCode)
    {
        try
        {
            exitCode = ExitCodes.Success;
            return OutputFolder.Open(folder);
        }
        catch (OutputFolderException e)
        {
            stderr.WriteLine($"{ToolInfo.Name}: error: {e.Message}");
            exitCode = e.InUse ? ExitCodes.Failure : ExitCodes.InvalidInput;
            return null;
        }
    }
}
