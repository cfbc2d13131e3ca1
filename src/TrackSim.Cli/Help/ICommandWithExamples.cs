namespace TrackSim.Cli.Help;

/// <summary>A command whose help ends with examples; the first one also appears in the root help.</summary>
internal interface ICommandWithExamples
{
    /// <summary>The examples, most typical first.</summary>
    IReadOnlyList<Example> Examples { get; }
}
