using System.CommandLine;
using System.Globalization;
using TrackSim.Cli.Help;
using TrackSim.Core.Domain;
using TrackSim.Scenarios.Loading;

namespace TrackSim.Cli.Commands;

/// <summary>
/// <c>tracksim validate FILE...</c>: loads each scenario and reports every problem in every file,
/// or a one-line summary of each valid one.
/// </summary>
internal sealed class ValidateCommand : Command, ICommandWithExamples
{
    private readonly CliConsole _console;

    private readonly Argument<string[]> _files = new Argument<string[]>("FILE")
    {
        Description = "Scenario files (YAML) to check.",
        Arity = ArgumentArity.OneOrMore,
    }.RejectingOptions();

    /// <summary>Creates the command, writing to <paramref name="console"/>.</summary>
    public ValidateCommand(CliConsole console)
        : base("validate", "Check scenario files and report every error in them, as file:line:col: error: path: message.")
    {
        _console = console;
        Arguments.Add(_files);
        SetAction(parseResult => Execute(parseResult.GetRequiredValue(_files)));
    }

    /// <inheritdoc />
    public IReadOnlyList<Example> Examples { get; } =
    [
        new("Check one scenario:", "tracksim validate scenarios/minimal.yaml"),
        new("Check several at once; every error in every file is reported, and the exit code is 2 if any is invalid:", "tracksim validate scenarios/*.yaml scenarios/examples/*.yaml"),
    ];

    private int Execute(IReadOnlyList<string> files)
    {
        bool allValid = true;
        foreach (string file in files)
        {
            var result = ScenarioLoader.LoadFile(file);
            if (result.IsValid)
            {
                _console.Out.WriteLine($"{file}: valid ({Summary(result.Scenario!)})");
                continue;
            }

            allValid = false;
            foreach (var error in result.Errors)
            {
                _console.Error.WriteLine(error.ToString());
            }

            _console.Error.WriteLine($"{file}: invalid ({Count(result.Errors.Length, "error")})");
        }

        return allValid ? ExitCodes.Success : ExitCodes.InvalidInput;
    }

    /// <summary>The one-line description of a valid scenario, such as <c>2 states, 1 initiative, 1 event, 0 agreements, 120 monthly steps, 0 variants</c>.</summary>
    internal static string Summary(Scenario scenario)
    {
        string unit = scenario.Calendar.Unit switch
        {
            StepUnit.Day => "daily",
            StepUnit.Week => "weekly",
            StepUnit.Month => "monthly",
            _ => scenario.Calendar.Unit.ToString().ToLowerInvariant(),
        };
        int parties = scenario.States.Length - scenario.PublicCount;
        string?[] counts =
        [
            Count(scenario.PublicCount, "state"),
            parties > 0 ? string.Create(CultureInfo.InvariantCulture, $"{parties} non-state part{(parties == 1 ? "y" : "ies")}") : null,
            scenario.ThirdParties.Length > 0 ? string.Create(CultureInfo.InvariantCulture, $"{scenario.ThirdParties.Length} third part{(scenario.ThirdParties.Length == 1 ? "y" : "ies")}") : null,
            Count(scenario.Initiatives.Length, "initiative"),
            Count(scenario.Events.Length, "event"),
            Count(scenario.Agreements.Length, "agreement"),
            Count(scenario.Calendar.StepCount, $"{unit} step"),
            Count(scenario.Variants.Length, "variant"),
        ];
        return string.Join(", ", counts.OfType<string>());
    }

    private static string Count(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");
}
