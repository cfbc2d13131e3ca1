namespace TrackSim.Cli;

/// <summary>
/// Where a command writes: results on <see cref="Out"/>, problems and progress on
/// <see cref="Error"/>. Commands take this instead of <see cref="Console"/> so they run in-process
/// in tests, and so stdout stays clean for pipes.
/// </summary>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error.</param>
internal sealed record CliConsole(TextWriter Out, TextWriter Error);
