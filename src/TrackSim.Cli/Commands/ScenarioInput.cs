using System.CommandLine;
using System.Globalization;
using TrackSim.Core.Domain;
using TrackSim.Scenarios.Loading;

namespace TrackSim.Cli.Commands;

/// <summary>
/// The scenario file argument and the <c>--set PATH=VALUE</c> option shared by the commands that
/// read a scenario, and loading it with the overrides: every problem in the file or an override is
/// reported on standard error as <c>validate</c> reports it.
/// </summary>
internal sealed class ScenarioInput
{
    /// <summary>The scenario file.</summary>
    public Argument<string> File { get; } = new Argument<string>("FILE")
    {
        Description = "Scenario file (YAML).",
    }.RejectingOptions();

    /// <summary>Overrides of single values, by YAML path.</summary>
    public Option<string[]> Set { get; } = new("--set")
    {
        Description = "Set one value of the scenario by its YAML path before it is checked, e.g. --set citizens.per_state=500 or --set parameters.posture.fear=0.3 or --set events[kargil-1999].severity=0.5 (repeatable).",
        HelpName = "PATH=VALUE",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>Adds the argument and option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Arguments.Add(File);
        command.Options.Add(Set);
    }

    /// <summary>
    /// Loads the scenario with the overrides; on problems, reports them to <paramref name="error"/>
    /// and returns null.
    /// </summary>
    public (Scenario Scenario, string Path, IReadOnlyList<string> Overrides)? Load(ParseResult parseResult, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(error);
        string path = parseResult.GetRequiredValue(File);
        string[] texts = parseResult.GetValue(Set) ?? [];
        var (overrides, parseErrors) = Override.ParseAll(texts);
        if (!parseErrors.IsEmpty)
        {
            foreach (var problem in parseErrors)
            {
                error.WriteLine(problem.ToString());
            }

            error.WriteLine($"{path}: not loaded ({Count(parseErrors.Length, "error")} in --set)");
            return null;
        }

        var result = ScenarioLoader.LoadFile(path, overrides);
        if (!result.IsValid)
        {
            foreach (var problem in result.Errors)
            {
                error.WriteLine(problem.ToString());
            }

            error.WriteLine($"{path}: invalid ({Count(result.Errors.Length, "error")})");
            return null;
        }

        return (result.Scenario!, path, [.. overrides.Select(o => o.ToString())]);
    }

    private static string Count(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");
}
