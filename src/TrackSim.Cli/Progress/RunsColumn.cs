using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace TrackSim.Cli.Progress;

/// <summary>A progress bar column with the runs done and the rate: <c>12/120 runs, 3.4/s</c>.</summary>
internal sealed class RunsColumn : ProgressColumn
{
    /// <inheritdoc />
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
    {
        ArgumentNullException.ThrowIfNull(task);
        string rate = task.Speed is { } speed ? string.Create(CultureInfo.InvariantCulture, $", {speed:0.#}/s") : string.Empty;
        return new Text(string.Create(CultureInfo.InvariantCulture, $"{task.Value:0}/{task.MaxValue:0} runs{rate}"));
    }
}
