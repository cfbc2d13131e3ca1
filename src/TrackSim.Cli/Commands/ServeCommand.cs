using System.CommandLine;
using System.Globalization;
using System.Net;
using TrackSim.Cli.Help;
using TrackSim.Server;
using TrackSim.Server.Lessons;

namespace TrackSim.Cli.Commands;

/// <summary>
/// <c>tracksim serve</c>: serves the classroom page and its JSON API until Ctrl-C, on this machine
/// only unless <c>--host</c> says otherwise.
/// </summary>
internal sealed class ServeCommand : Command, ICommandWithExamples
{
    private readonly CliConsole _console;

    private readonly Option<int?> _port = new Option<int?>("--port", "-p")
    {
        Description = string.Create(CultureInfo.InvariantCulture, $"Port to listen on, 1 to 65535 (default {ServerOptions.DefaultPort})."),
        HelpName = "N",
    }.WholeNumber(1, 65_535);

    private readonly Option<string> _host = new("--host")
    {
        Description = $"Address to listen on: an IP address of this machine, or localhost (default {ServerOptions.DefaultHost}, this machine only; 0.0.0.0 opens it to the network).",
        HelpName = "ADDR",
    };

    private readonly Option<string> _scenarios = new("--scenarios")
    {
        Description = "A folder of scenario files (*.yaml) to offer as lessons next to the shipped ones.",
        HelpName = "DIR",
    };

    /// <summary>Creates the command, writing to <paramref name="console"/>.</summary>
    public ServeCommand(CliConsole console)
        : base("serve", "Serve the classroom page (lessons, sliders, charts) and its JSON API until Ctrl-C.")
    {
        _console = console;
        Options.Add(_port);
        Options.Add(_host);
        Options.Add(_scenarios);
        _host.Validators.Add(result =>
        {
            string? host = result.GetValueOrDefault<string>();
            if (host is null || !IsHost(host))
            {
                result.AddError($"--host: '{host}' is not an IP address or localhost");
            }
        });
        _scenarios.Validators.Add(result =>
        {
            string? folder = result.GetValueOrDefault<string>();
            if (string.IsNullOrWhiteSpace(folder) || !Directory.Exists(folder))
            {
                result.AddError($"--scenarios: there is no folder '{folder}'");
            }
        });
        SetAction(Execute);
    }

    /// <inheritdoc />
    public IReadOnlyList<Example> Examples { get; } =
    [
        new("Serve the page on this machine; open the address it prints:", "tracksim serve"),
        new("Another port, and the scenarios of a course next to the shipped lessons:", "tracksim serve --port 8080 --scenarios my-course/"),
        new("Open it to a lab network (every machine that can reach this one can use it):", "tracksim serve --host 0.0.0.0"),
    ];

    /// <summary>Whether <paramref name="host"/> is an address the server can listen on.</summary>
    internal static bool IsHost(string host) => host == "localhost" || IPAddress.TryParse(host, out _);

    private int Execute(ParseResult parseResult)
    {
        var token = _console.Cancellation;
        string? extra = parseResult.GetValue(_scenarios);
        string? shipped = LessonFiles.FindScenariosFolder(Directory.GetCurrentDirectory()) ?? LessonFiles.FindScenariosFolder(AppContext.BaseDirectory);
        var options = new ServerOptions
        {
            Host = parseResult.GetValue(_host) ?? ServerOptions.DefaultHost,
            Port = parseResult.GetValue(_port) ?? ServerOptions.DefaultPort,
            LessonFiles = LessonFiles.In(shipped, extra),
        };

        var server = TrackSimServer.Create(options);
        try
        {
            foreach (string skipped in server.Skipped)
            {
                _console.Error.WriteLine($"{ToolInfo.Name}: warning: {skipped}");
            }

            if (server.LessonCount == 0)
            {
                _console.Error.WriteLine($"{ToolInfo.Name}: error: no lessons to serve: run it inside the TrackSim repository (it reads scenarios/teaching) or name a folder of scenarios with --scenarios");
                return ExitCodes.InvalidInput;
            }

            try
            {
                server.StartAsync(token).GetAwaiter().GetResult();
            }
            catch (IOException e)
            {
                _console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{ToolInfo.Name}: error: cannot listen on {options.Host}:{options.Port}: {e.Message} (is another server using the port? try --port)"));
                return ExitCodes.Failure;
            }

            _console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"TrackSim classroom page: {server.Address} ({server.LessonCount} lessons); press Ctrl-C to stop"));
            _console.Out.WriteLine($"teacher: {server.TeacherAddress} (opens class rooms; keep it to yourself, it changes at each start)");
            _console.Out.Flush();
            // Ctrl-C reaches the command's token or, once the server has started, the server's own
            // signal handling (which also catches a termination signal); either stops it.
            WaitHandle.WaitAny([token.WaitHandle, server.Stopping.WaitHandle]);
            server.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
            _console.Error.WriteLine($"{ToolInfo.Name}: stopped");
            return ExitCodes.Success;
        }
        finally
        {
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
