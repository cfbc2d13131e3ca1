using System.Runtime.InteropServices.JavaScript;
using System.Runtime.Versioning;

namespace TrackSim.Web;

/// <summary>
/// The model in the browser: the static page's backend.js starts it (<see cref="Main"/>) and calls
/// <see cref="Answer"/> for each request the page would send to <c>tracksim serve</c>.
/// </summary>
[SupportedOSPlatform("browser")]
public static partial class Program
{
    private static readonly Lazy<StaticBackend> Backend = new(() => new StaticBackend());

    /// <summary>Reads the lessons once, while the page shows that the model is loading.</summary>
    public static void Main() => _ = Backend.Value;

    /// <summary>
    /// Answers one API request: <paramref name="body"/> null for a GET, the JSON text of a POST. The
    /// answer is the status, one space, then the JSON text of the body (<c>200 {...}</c>).
    /// </summary>
    [JSExport]
    public static string Answer(string path, string? body) => Backend.Value.Text(path, body);

    /// <summary>The replicates a lesson starts at in the browser, which the page says.</summary>
    [JSExport]
    public static int BrowserReplicates() => StaticBackend.BrowserReplicates;
}
