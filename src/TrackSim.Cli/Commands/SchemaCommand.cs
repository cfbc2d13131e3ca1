using System.CommandLine;
using TrackSim.Cli.Help;
using TrackSim.Experiments.Files;
using TrackSim.Scenarios.Schema;

namespace TrackSim.Cli.Commands;

/// <summary>
/// <c>tracksim schema [--out FILE]</c>: prints the JSON Schema of the scenario format, for
/// editors that complete and check YAML against a schema.
/// </summary>
internal sealed class SchemaCommand : Command, ICommandWithExamples
{
    private readonly CliConsole _console;

    private readonly Option<string> _out = new("--out", "-o")
    {
        Description = "Write the schema to this file (replaced atomically) instead of standard output.",
        HelpName = "FILE",
    };

    /// <summary>Creates the command, writing to <paramref name="console"/>.</summary>
    public SchemaCommand(CliConsole console)
        : base("schema", "Print the JSON Schema of the scenario format, so editors can complete and check scenario files.")
    {
        _console = console;
        _out.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>()))
            {
                result.AddError("--out needs a file name.");
            }
        });
        Options.Add(_out);
        SetAction(parseResult => Execute(parseResult.GetValue(_out)));
    }

    /// <inheritdoc />
    public IReadOnlyList<Example> Examples { get; } =
    [
        new("Save the schema for editors (for example VS Code's YAML extension) to complete and check scenarios:", "tracksim schema --out tracksim.schema.json"),
        new("Print it, for example to look up a key:", "tracksim schema | grep -A3 '\"severity\"'"),
    ];

    /// <summary>The schema as indented JSON with LF line endings and a final newline.</summary>
    internal static string SchemaText() => ScenarioReference.JsonSchemaText();

    private int Execute(string? outPath)
    {
        string text = SchemaText();
        if (outPath is null)
        {
            _console.Out.Write(text);
            return ExitCodes.Success;
        }

        try
        {
            AtomicFile.WriteAllText(outPath, text);
        }
        catch (OutputFolderException e)
        {
            _console.Error.WriteLine($"{ToolInfo.Name}: error: {e.Message}");
            return ExitCodes.InvalidInput;
        }

        return ExitCodes.Success;
    }
}
