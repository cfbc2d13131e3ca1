namespace TrackSim.Scenarios;

/// <summary>A problem found in a scenario file, with where it is and what was expected.</summary>
/// <param name="File">The file as the user named it.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Path">YAML path such as <c>events[3].severity</c>; empty for the whole document.</param>
/// <param name="Message">What is wrong and what was expected.</param>
public sealed record Diagnostic(string File, int Line, int Column, string Path, string Message)
{
    /// <summary>The compiler-style form <c>FILE:LINE:COL: error: PATH: message</c>.</summary>
    public override string ToString() =>
        Path.Length == 0
            ? $"{File}:{Line}:{Column}: error: {Message}"
            : $"{File}:{Line}:{Column}: error: {Path}: {Message}";
}
