using System.CommandLine;
using System.Globalization;
using TrackSim.Cli.Help;
using TrackSim.Experiments.Files;
using TrackSim.Reporting.Files;
using TrackSim.Reporting.Report;
using TrackSim.Reporting.Results;
using TrackSim.Scenarios.Loading;

namespace TrackSim.Cli.Commands;

/// <summary>
/// <c>tracksim report RESULTS_DIR</c>: writes one self-contained HTML page of a results folder
/// (provenance, interactive charts, events, effects, recovery and agreements) from its
/// <c>summary.csv</c>, tables and manifest, without running anything. By default it goes into the
/// folder as <c>report.html</c> and is listed in the manifest; <c>--out</c> writes it elsewhere.
/// </summary>
internal sealed class ReportCommand : Command, ICommandWithExamples
{
    private readonly CliConsole _console;

    private readonly Argument<string> _folder = new Argument<string>("RESULTS_DIR")
    {
        Description = "A results folder written by 'tracksim run'.",
    }.RejectingOptions();

    private readonly Option<string> _out = new("--out", "-o")
    {
        Description = $"Write the report to this file instead of {ReportWriter.FileName} in the results folder (which is then only read).",
        HelpName = "FILE",
    };

    private readonly Option<bool> _quiet = new("--quiet", "-q") { Description = "Print nothing but errors." };

    /// <summary>Creates the command, writing to <paramref name="console"/>.</summary>
    public ReportCommand(CliConsole console)
        : base("report", "Write one self-contained HTML page of a results folder: how it was run, interactive charts, events, effects, recovery and agreements; it opens offline in any browser.")
    {
        _console = console;
        Arguments.Add(_folder);
        Options.Add(_out);
        Options.Add(_quiet);
        SetAction(Execute);
    }

    /// <inheritdoc />
    public IReadOnlyList<Example> Examples { get; } =
    [
        new("Write report.html into a run's results folder:", "tracksim report results/india-pakistan-1984-2021"),
        new("Write it elsewhere, leaving the folder as it is:", "tracksim report results/india-pakistan-1984-2021 --out india-pakistan.html"),
    ];

    private int Execute(ParseResult parseResult)
    {
        string folder = parseResult.GetRequiredValue(_folder);
        string? file = parseResult.GetValue(_out);
        if (!Directory.Exists(folder))
        {
            _console.Error.WriteLine($"{ToolInfo.Name}: error: {folder}: no such folder");
            return ExitCodes.InvalidInput;
        }

        if (FileKinds.Of(Path.Combine(folder, Manifest.FileName)) != FileKind.Regular)
        {
            _console.Error.WriteLine($"{ToolInfo.Name}: error: {folder} is not a complete TrackSim results folder (it has no {Manifest.FileName}); run 'tracksim run' first");
            return ExitCodes.InvalidInput;
        }

        if (file is not null && Path.GetDirectoryName(Path.GetFullPath(file)) is { } parent && !Directory.Exists(parent))
        {
            _console.Error.WriteLine($"{ToolInfo.Name}: error: {file}: no such folder {parent}");
            return ExitCodes.InvalidInput;
        }

        // Into the folder unless --out names another file (--out FOLDER/report.html is the default).
        bool into = file is null || string.Equals(Path.GetFullPath(file), Path.GetFullPath(Path.Combine(folder, ReportWriter.FileName)), StringComparison.Ordinal);
        var notes = new List<string>();
        ReportResult result;
        try
        {
            var scenario = Scenario(folder, notes);
            if (into)
            {
                using var output = OutputFolders.Open(folder, _console.Error, out int unusable);
                if (output is null)
                {
                    return unusable;
                }

                result = ReportWriter.WriteInto(output, scenario, _console.Cancellation);
            }
            else
            {
                result = ReportWriter.WriteTo(folder, file!, scenario, _console.Cancellation);
            }
        }
        catch (InvalidDataException e)
        {
            _console.Error.WriteLine($"{ToolInfo.Name}: error: {e.Message}; no report written");
            return ExitCodes.Failure;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _console.Error.WriteLine($"{ToolInfo.Name}: error: {e.Message}; no report written");
            return ExitCodes.Failure;
        }

        if (!parseResult.GetValue(_quiet))
        {
            foreach (string note in notes.Concat(result.Notes))
            {
                _console.Error.WriteLine($"{ToolInfo.Name}: note: {note}");
            }

            string where = into ? $"; {Manifest.FileName} updated" : string.Empty;
            _console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Path}: report written ({Kilobytes(result.Bytes)} kB){where}"));
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// What the scenario file adds (its description, each variant's changes) when the file the run
    /// used is still at its path, unchanged (same SHA-256), and loads with the run's overrides; else
    /// null, with a note saying why.
    /// </summary>
    private static ReportScenario? Scenario(string folder, List<string> notes)
    {
        var manifest = ReportReader.ReadManifest(folder);
        string path = manifest.ScenarioPath;
        const string Without = "the report has no scenario description or variant changes";
        if (FileKinds.Of(path) != FileKind.Regular)
        {
            notes.Add($"{path}, the scenario the run used, is not at hand; {Without}");
            return null;
        }

        if (FileHash.Sha256(path) != manifest.ScenarioSha256)
        {
            notes.Add($"{path} has changed since the run; {Without}");
            return null;
        }

        var (overrides, errors) = Override.ParseAll(manifest.Overrides);
        var loaded = errors.IsEmpty ? ScenarioLoader.LoadFile(path, overrides) : null;
        if (loaded is not { IsValid: true })
        {
            notes.Add($"{path} does not load with the run's overrides; {Without}");
            return null;
        }

        return ReportScenarioText.From(loaded.Scenario!);
    }

    private static string Kilobytes(long bytes) => ((bytes + 512) / 1024).ToString(CultureInfo.InvariantCulture);
}
