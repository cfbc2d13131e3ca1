using Spectre.Console;

namespace TrackSim.Cli.Progress;

/// <summary>
/// Shows the progress of an ensemble: a live bar (runs done, rate, time left) when standard error
/// is a terminal, plain lines otherwise, nothing when quiet.
/// </summary>
internal static class RunProgress
{
    /// <summary>Runs <paramref name="work"/>, which reports finished runs to the progress it is given.</summary>
    public static T Show<T>(CliConsole console, bool quiet, int total, Func<IProgress<int>?, T> work)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(work);
        if (quiet)
        {
            return work(null);
        }

        if (!console.ErrorIsTerminal)
        {
            return work(new PlainProgress(console.Error, total));
        }

        var terminal = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(console.Error) });
        return terminal.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RunsColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask("Running", autoStart: true, maxValue: total);
                var result = work(new TaskProgress(task));
                task.Value = total;
                return result;
            });
    }

    // Runs finish on worker threads; the bar's task takes the highest count seen.
    private sealed class TaskProgress(ProgressTask task) : IProgress<int>
    {
        private readonly Lock _gate = new();

        public void Report(int value)
        {
            lock (_gate)
            {
                if (value > task.Value)
                {
                    task.Value = value;
                }
            }
        }
    }
}
