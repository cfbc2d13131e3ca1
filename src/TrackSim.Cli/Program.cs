using System.CommandLine;
using System.CommandLine.Invocation;
using Microsoft.Win32.SafeHandles;
using TrackSim.Cli.Commands;
using TrackSim.Cli.Help;

namespace TrackSim.Cli;

/// <summary>
/// The composition root of the <c>tracksim</c> command: builds the command tree, parses, runs
/// the chosen command and turns every outcome into an exit code (see <see cref="ExitCodes"/>).
/// </summary>
internal static class Program
{
    /// <summary>The commands whose results are files: losing standard output loses only their summary.</summary>
    private static readonly HashSet<string> FileCommands = new(StringComparer.Ordinal) { "run", "sweep", "merge", "plot" };

    // Standard streams the process was started without, held open on /dev/null for its lifetime.
    private static readonly List<SafeFileHandle> Reserved = [];

    /// <summary>The process entry point.</summary>
    public static int Main(string[] args)
    {
        ReserveStandardDescriptors();
        using var interrupt = new CancellationTokenSource();

        // The first Ctrl-C asks the running command to stop cleanly; a second one ends the process.
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = !interrupt.IsCancellationRequested;
            interrupt.Cancel();
        };
        return Run(args, new CliConsole(Console.Out, Console.Error)
        {
            Cancellation = interrupt.Token,
            ErrorIsTerminal = !Console.IsErrorRedirected,
        });
    }

    /// <summary>
    /// Runs the tool on <paramref name="args"/>, writing results to <paramref name="stdout"/> and
    /// problems to <paramref name="stderr"/>; never throws.
    /// </summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, new CliConsole(stdout, stderr));

    /// <summary>
    /// Runs the tool on <paramref name="args"/> with <paramref name="console"/>'s streams, Ctrl-C and clock; never throws.
    /// A stream that cannot be written never stops a command: its results are still written, and
    /// the exit code says whether they were (see <see cref="Outcome"/>).
    /// </summary>
    public static int Run(string[] args, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var stdout = GuardedWriter.Of(console.Out);
        var stderr = GuardedWriter.Of(console.Error);
        int code = Dispatch(args, console with { Out = stdout, Error = stderr }, out string? command);
        return Outcome(code, command, stdout, stderr);
    }

    /// <summary>
    /// The exit code once the console is accounted for: when standard output could not be written,
    /// a command whose results are files still succeeds (with a note on standard error), and one
    /// whose result is what it prints fails.
    /// </summary>
    internal static int Outcome(int code, string? command, GuardedWriter stdout, GuardedWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        stdout.Flush();
        if (code != ExitCodes.Success || stdout.Failure is not { } lost)
        {
            return code;
        }

        string reason = lost is IOException ? OneLine(lost.Message) : "it is closed";
        if (command is not null && FileCommands.Contains(command))
        {
            stderr.WriteLine($"{ToolInfo.Name}: note: standard output could not be written ({reason}); the results were written");
            return code;
        }

        stderr.WriteLine($"{ToolInfo.Name}: error: standard output could not be written ({reason})");
        return ExitCodes.Failure;
    }

    private static int Dispatch(string[] args, CliConsole console, out string? command)
    {
        command = null;
        var stdout = console.Out;
        var stderr = console.Error;
        try
        {
            var root = BuildCommands(console);
            if (args.Length == 0)
            {
                HelpLayout.WriteRootHelp(root, stderr);
                return ExitCodes.InvalidInput;
            }

            var parseResult = root.Parse(args);
            command = parseResult.CommandResult.Command.Name;
            // The library lets an option action such as --version run despite stray tokens
            // ("--version extra"); only help may ignore errors, since it is how users recover.
            if (parseResult.Action is ParseErrorAction || (parseResult.Errors.Count > 0 && parseResult.Action is not HelpWithExamplesAction))
            {
                UsageError.Write(parseResult, stderr);
                return ExitCodes.InvalidInput;
            }

            return parseResult.Invoke(new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (OperationCanceledException) when (console.Cancellation.IsCancellationRequested)
        {
            return Interrupted(stderr);
        }
        catch (Exception e)
        {
            return Fail(e, stderr);
        }
    }

    /// <summary>
    /// Opens /dev/null on each of standard input, output and error the process was started without
    /// (<c>2&gt;&amp;-</c>), so that no file the command opens takes its number and receives console text.
    /// </summary>
    private static void ReserveStandardDescriptors()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        try
        {
            // A file opens on the lowest free number: below 3 only while a standard stream is missing.
            for (int i = 0; i < 3; i++)
            {
                var handle = File.OpenHandle("/dev/null", FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
                if (handle.DangerousGetHandle() > 2)
                {
                    handle.Dispose();
                    return;
                }

                Reserved.Add(handle);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No /dev/null: the guarded console streams still keep the command going.
        }
    }

    /// <summary>Reports a stop by Ctrl-C: files are written whole or not at all, so nothing is left that looks complete.</summary>
    internal static int Interrupted(TextWriter stderr)
    {
        try
        {
            stderr.WriteLine($"{ToolInfo.Name}: interrupted; no file was left half-written (a results folder keeps its previous files and manifest.json; a sweep folder keeps the whole runs in runs.csv and a calibration folder its finished generations: continue either with --resume)");
        }
        catch (IOException)
        {
            // Standard error is gone; the exit code still tells.
        }

        return ExitCodes.Interrupted;
    }

    /// <summary>The <c>tracksim</c> command and its subcommands; a new command is one line here.</summary>
    internal static RootCommand BuildCommands(CliConsole console)
    {
        var root = new RootCommand(
            "TrackSim: agent-based simulation of Track II (backchannel) diplomacy and its influence on official relations between states.")
        {
            new RunCommand(console),
            new SweepCommand(console),
            new CalibrateCommand(console),
            new MergeCommand(console),
            new PlotCommand(console),
            new DescribeCommand(console),
            new ValidateCommand(console),
            new SchemaCommand(console),
            new ServeCommand(console),
            new ExamplesCommand(console),
            new InitCommand(console),
        };
        HelpLayout.Configure(root);
        return root;
    }

    // The last line of defence: one line of reason, never a stack trace.
    internal static int Fail(Exception e, TextWriter stderr)
    {
        string reason = e is IOException or UnauthorizedAccessException
            ? e.Message
            : $"unexpected {e.GetType().Name}: {e.Message} (please report this)";
        try
        {
            stderr.WriteLine($"{ToolInfo.Name}: error: {OneLine(reason)}");
        }
        catch (IOException)
        {
            // Standard error itself is gone (a closed pipe); the exit code still tells.
        }

        return ExitCodes.Failure;
    }

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
