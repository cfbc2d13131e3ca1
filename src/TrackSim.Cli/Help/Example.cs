namespace TrackSim.Cli.Help;

/// <summary>One example in a command's help: what it does, then the command line.</summary>
/// <param name="Description">What the example does, as a short sentence.</param>
/// <param name="CommandLine">The full command line, starting with <c>tracksim</c>.</param>
internal sealed record Example(string Description, string CommandLine);
