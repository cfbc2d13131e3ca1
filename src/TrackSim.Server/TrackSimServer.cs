using System.Net;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrackSim.Lessons;
using TrackSim.Server.Classroom;
using TrackSim.Server.Lessons;

namespace TrackSim.Server;

/// <summary>
/// The <c>tracksim serve</c> web application: one page and a small JSON API over the lessons it
/// was given. Build it with <see cref="Create"/>, then start it and read <see cref="Address"/>.
/// </summary>
public sealed class TrackSimServer : IAsyncDisposable
{
    /// <summary>Threads one run uses: an equal share of the processors for each run at a time (results do not depend on it).</summary>
    private static readonly int RunThreads = Math.Max(1, Environment.ProcessorCount / RunLimits.MaxConcurrentRuns);

    private readonly WebApplication _app;
    private readonly LessonService _lessons;
    private readonly IReadOnlyList<string> _skipped;
    private readonly RunQueue _runs = new(RunLimits.MaxConcurrentRuns, MaxWaitingRuns);
    private readonly Rooms _rooms = new(TimeProvider.System);

    private TrackSimServer(WebApplication app, LessonService lessons, IReadOnlyList<string> skipped)
    {
        _app = app;
        _lessons = lessons;
        _skipped = skipped;
    }

    /// <summary>One line per lesson file that was left out because it does not load.</summary>
    public IReadOnlyList<string> Skipped => _skipped;

    /// <summary>How many lessons the server offers.</summary>
    public int LessonCount => _lessons.Catalog.All.Count;

    /// <summary>Runs that may wait for one of the <see cref="RunLimits.MaxConcurrentRuns"/> places; a further run is refused with 503.</summary>
    public const int MaxWaitingRuns = 16;

    /// <summary>The header a page sends to name itself, so each client has one run under way or waiting.</summary>
    public const string ClientHeader = "X-TrackSim-Client";

    /// <summary>Runs under way now, at most <see cref="RunLimits.MaxConcurrentRuns"/>.</summary>
    internal int RunsUnderWay => _runs.Running;

    /// <summary>Runs waiting for a place now, at most <see cref="MaxWaitingRuns"/>.</summary>
    internal int RunsWaiting => _runs.Waiting;

    /// <summary>The classroom mode's rooms.</summary>
    internal Rooms Rooms => _rooms;

    /// <summary>Every route the server maps, as <c>METHOD /pattern</c>, such as <c>GET /api/lessons/{id}</c>.</summary>
    internal IEnumerable<string> Routes =>
        ((IEndpointRouteBuilder)_app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => $"{m} /{e.RoutePattern.RawText?.TrimStart('/')}"));

    /// <summary>The teacher's link: the page's address with the token that opens and runs rooms.</summary>
    public Uri TeacherAddress => new(Address, "?teacher=" + _rooms.TeacherToken);

    /// <summary>The address the server listens on, such as <c>http://127.0.0.1:5180/</c>, once started.</summary>
    public Uri Address
    {
        get
        {
            var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>();
            string first = addresses?.Addresses.FirstOrDefault() ?? throw new InvalidOperationException("The server has not started.");
            return new Uri(first.EndsWith('/') ? first : first + "/");
        }
    }

    /// <summary>Builds the application; <paramref name="options"/>' host must be an IP address or <c>localhost</c>.</summary>
    public static TrackSimServer Create(ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (sources, skipped) = LessonFiles.Read(options.LessonFiles);
        var catalog = new LessonCatalog(sources);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(TrackSimServer).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = RunLimits.MaxBodyBytes;
            kestrel.AddServerHeader = false;
            if (options.Host == "localhost")
            {
                kestrel.Listen(IPAddress.Loopback, options.Port);
            }
            else
            {
                kestrel.Listen(IPAddress.Parse(options.Host), options.Port);
            }
        });
        var server = new TrackSimServer(builder.Build(), new LessonService(catalog), [.. skipped, .. catalog.Skipped]);
        server.Map();
        return server;
    }

    /// <summary>
    /// Cancelled when the application is asked to stop: by <see cref="StopAsync"/>, or by Ctrl-C or a
    /// termination signal, which ASP.NET Core's console lifetime catches before the caller's handler.
    /// </summary>
    public CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    /// <summary>Starts listening.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => _app.StartAsync(cancellationToken);

    /// <summary>Stops listening, letting requests under way end.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private void Map()
    {
        // Whatever goes wrong inside, the client gets a sentence, never a stack trace.
        _app.Use(async (context, next) =>
        {
            try
            {
                await next(context).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                // The client left; there is no one to answer.
            }
            catch (BadHttpRequestException e) when (!context.Response.HasStarted)
            {
                await Refuse(context, e.StatusCode, e.StatusCode == StatusCodes.Status413PayloadTooLarge
                    ? LessonRequests.TooLargeMessage
                    : "the request could not be read").ConfigureAwait(false);
            }
#pragma warning disable CA1031 // The server reports every failure to the client as a message.
            catch (Exception) when (!context.Response.HasStarted)
#pragma warning restore CA1031
            {
                await Refuse(context, StatusCodes.Status500InternalServerError, "the server failed to answer this request").ConfigureAwait(false);
            }
        });

        _app.MapGet("/", context => Page(context, "index.html"));
        foreach (string name in PageFiles)
        {
            _app.MapGet("/" + name, context => Page(context, name));
        }

        _app.MapGet("/api/lessons", context => Answer(context, _lessons.Lessons()));
        _app.MapGet("/api/lessons/{id}", context => Answer(context, _lessons.Lesson((string)context.Request.RouteValues["id"]!)));
        _app.MapPost("/api/run", RunAsync);
        _app.MapPost("/api/validate", ValidateAsync);
        _app.MapPost("/api/lesson", async context =>
        {
            if (await ReadAsync<ValidateRequest>(context).ConfigureAwait(false) is { } request)
            {
                await Answer(context, LessonService.Upload(request)).ConfigureAwait(false);
            }
        });
        _app.MapPost("/api/scenario", async context =>
        {
            if (await ReadAsync<RunRequest>(context).ConfigureAwait(false) is { } request)
            {
                await Answer(context, _lessons.Scenario(request)).ConfigureAwait(false);
            }
        });
        ClassroomEndpoints.Map(_app, _rooms);
    }

    private async Task RunAsync(HttpContext context)
    {
        var request = await ReadAsync<RunRequest>(context).ConfigureAwait(false);
        if (request is null)
        {
            return;
        }

        // A request naming no lesson or an unknown one is answered before it waits for a run slot.
        if (_lessons.LessonOf(request).Refusal is { } refusal)
        {
            await Answer(context, refusal).ConfigureAwait(false);
            return;
        }

        if (ClientOf(context) is not { } client)
        {
            await Refuse(context, StatusCodes.Status400BadRequest, $"{ClientHeader}: 1 to 64 letters, digits, - or _").ConfigureAwait(false);
            return;
        }

        var entry = _runs.Enter(client, context.RequestAborted);
        if (entry.Refusal == QueueRefusal.ClientBusy)
        {
            await Refuse(context, StatusCodes.Status429TooManyRequests, "a run of yours is already under way or waiting; its answer comes first").ConfigureAwait(false);
            return;
        }

        if (entry.Refusal == QueueRefusal.Full)
        {
            await Refuse(context, StatusCodes.Status503ServiceUnavailable, $"the server is busy ({RunLimits.MaxConcurrentRuns} runs under way and {MaxWaitingRuns} waiting); try again in a moment").ConfigureAwait(false);
            return;
        }

        // Waits in line; a client that leaves while waiting leaves the line (the wait is cancelled).
        using (await entry.Place!.ConfigureAwait(false))
        {
            // The ensemble runs on a thread of its own with a share of the processors, and stops when
            // the client disconnects. On the thread pool, two runs' workers took the threads the server
            // answers requests with: a third request waited half a minute for its 503 on two cores.
            var token = context.RequestAborted;
            var answer = await Task.Factory.StartNew(
                () => _lessons.Run(request, RunThreads, token),
                token,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default).ConfigureAwait(false);
            await Answer(context, answer).ConfigureAwait(false);
        }
    }

    // The client a run counts against: the id its page sends, or else its address; null for a malformed id.
    private static string? ClientOf(HttpContext context)
    {
        if (!context.Request.Headers.TryGetValue(ClientHeader, out var values))
        {
            return "address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        }

        string id = values.ToString();
        bool wellFormed = id.Length is >= 1 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
        return wellFormed ? "id:" + id : null;
    }

    private static async Task ValidateAsync(HttpContext context)
    {
        var request = await ReadAsync<ValidateRequest>(context).ConfigureAwait(false);
        if (request is null)
        {
            return;
        }

        await Answer(context, LessonService.Validate(request)).ConfigureAwait(false);
    }

    /// <summary>Reads a JSON body; on a problem, answers (413 for too large, 400 otherwise) and returns null.</summary>
    internal static async Task<T?> ReadAsync<T>(HttpContext context)
        where T : class
    {
        if (context.Request.ContentLength > RunLimits.MaxBodyBytes)
        {
            await Refuse(context, StatusCodes.Status413PayloadTooLarge, LessonRequests.TooLargeMessage).ConfigureAwait(false);
            return null;
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(context.Request.Body, LessonService.Json, context.RequestAborted).ConfigureAwait(false);
            if (value is null)
            {
                await Refuse(context, StatusCodes.Status400BadRequest, LessonRequests.NotAnObjectMessage).ConfigureAwait(false);
            }

            return value;
        }
        catch (JsonException e)
        {
            await Refuse(context, StatusCodes.Status400BadRequest, LessonRequests.NotTheJsonExpected(e)).ConfigureAwait(false);
            return null;
        }
    }

    /// <summary>Sends an answer of the API as JSON with its status.</summary>
    internal static Task Answer(HttpContext context, ApiAnswer answer)
    {
        context.Response.StatusCode = answer.Status;
        context.Response.Headers.CacheControl = "no-store";

        // Written as its runtime type, so every member of the answer record is sent.
        return context.Response.WriteAsJsonAsync(answer.Body, answer.Body.GetType(), LessonService.Json, context.RequestAborted);
    }

    private static Task Refuse(HttpContext context, int status, string error) => Answer(context, ApiAnswer.Refuse(status, error));

    /// <summary>The page's files (the page folder, built into the assembly), by name.</summary>
    private static IEnumerable<string> PageFiles =>
        Assembly.GetExecutingAssembly().GetManifestResourceNames()
            .Where(n => n.StartsWith(PagePrefix, StringComparison.Ordinal))
            .Select(n => n[PagePrefix.Length..]);

    private const string PagePrefix = "page/";

    private static async Task Page(HttpContext context, string name)
    {
        string contentType = Path.GetExtension(name) switch
        {
            ".html" => "text/html; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            ".svg" => "image/svg+xml",
            ".png" => "image/png",
            _ => "application/octet-stream",
        };
        await using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(PagePrefix + name)
            ?? throw new InvalidOperationException($"The page resource {name} is missing from the assembly.");
        context.Response.ContentType = contentType;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        // Images from data: and blob: addresses are the page's own charts, drawn for a PNG export.
        context.Response.Headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data: blob:";
        await stream.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
    }
}
