namespace TrackSim.Cli;

/// <summary>The process exit codes of the <c>tracksim</c> command, as documented in its help.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>Anything else went wrong: a file could not be written, or a bug.</summary>
    public const int Failure = 1;

    /// <summary>The input was wrong: bad usage, or a scenario with errors.</summary>
    public const int InvalidInput = 2;

    /// <summary>Stopped by Ctrl-C (128 + SIGINT, as shells report it); no file was left half-written.</summary>
    public const int Interrupted = 130;
}
