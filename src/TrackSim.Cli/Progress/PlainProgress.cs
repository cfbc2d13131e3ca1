using System.Diagnostics;
using System.Globalization;

namespace TrackSim.Cli.Progress;

/// <summary>
/// Progress as plain lines for logs and pipes: at most one line per tenth of the work or per
/// few seconds, with runs done, rate and time left.
/// </summary>
/// <param name="output">Where the lines go (standard error).</param>
/// <param name="total">Runs in all.</param>
internal sealed class PlainProgress(TextWriter output, int total) : IProgress<int>
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private readonly Lock _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _done;
    private int _lastTenth;
    private TimeSpan _lastLine;

    /// <inheritdoc />
    public void Report(int value)
    {
        lock (_gate)
        {
            if (value <= _done)
            {
                return;
            }

            _done = value;
            int tenth = total == 0 ? 10 : value * 10 / total;
            var now = _clock.Elapsed;
            if (tenth == _lastTenth && now - _lastLine < Interval && value < total)
            {
                return;
            }

            _lastTenth = tenth;
            _lastLine = now;
            output.WriteLine(Line(value, total, now));
        }
    }

    /// <summary>A progress line such as <c>runs 12/120 (10%), 3.4 runs/s, about 32 s left</c>.</summary>
    internal static string Line(int done, int total, TimeSpan elapsed)
    {
        double rate = elapsed.TotalSeconds > 0 ? done / elapsed.TotalSeconds : 0;
        string text = string.Create(CultureInfo.InvariantCulture, $"runs {done}/{total} ({(total == 0 ? 100 : done * 100 / total)}%), {rate:0.#} runs/s");
        if (done < total && rate > 0)
        {
            text += $", about {Duration(TimeSpan.FromSeconds((total - done) / rate))} left";
        }

        return text;
    }

    /// <summary>A rough duration: <c>45 s</c>, <c>3 min</c>, <c>2 h 10 min</c>.</summary>
    internal static string Duration(TimeSpan span) => span.TotalSeconds switch
    {
        < 90 => string.Create(CultureInfo.InvariantCulture, $"{Math.Ceiling(span.TotalSeconds)} s"),
        < 5400 => string.Create(CultureInfo.InvariantCulture, $"{Math.Round(span.TotalMinutes)} min"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours} h {span.Minutes} min"),
    };
}
