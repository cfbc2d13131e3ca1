namespace TrackSim.Cli;

/// <summary>
/// Where a command writes: results on <see cref="Out"/>, problems and progress on
/// <see cref="Error"/>. Commands take this instead of <see cref="Console"/> so they run in-process
/// in tests, and so stdout stays clean for pipes.
/// </summary>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error.</param>
internal sealed record CliConsole(TextWriter Out, TextWriter Error)
{
    /// <summary>Cancelled when the user presses Ctrl-C.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Whether standard error is a terminal, where a live progress bar can be drawn.</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>The clock for the times in a manifest; tests fix it.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
