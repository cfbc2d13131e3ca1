using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TrackSim.Lessons;

namespace TrackSim.Server.Classroom;

/// <summary>
/// The classroom API over HTTP: every request is a POST with a JSON body (read with the limits of
/// the other requests), so tokens and keys travel in bodies and never in addresses.
/// </summary>
internal static class ClassroomEndpoints
{
    /// <summary>Maps <c>/api/class/*</c> onto <paramref name="rooms"/>.</summary>
    public static void Map(WebApplication app, Rooms rooms)
    {
        app.MapPost("/api/class/open", context => Handle<OpenRequest>(context, rooms.Open));
        app.MapPost("/api/class/view", context => Handle<RoomRequest>(context, rooms.View));
        app.MapPost("/api/class/push", context => Handle<PushRequest>(context, rooms.Push));
        app.MapPost("/api/class/close", context => Handle<RoomRequest>(context, rooms.Close));
        app.MapPost("/api/class/export", context => ExportAsync(context, rooms));
        app.MapPost("/api/class/join", context => Handle<JoinRequest>(context, rooms.Join));
        app.MapPost("/api/class/poll", context => Handle<KeyRequest>(context, rooms.Poll));
        app.MapPost("/api/class/submit", context => Handle<SubmitRequest>(context, rooms.Submit));
        app.MapPost("/api/class/leave", context => Handle<KeyRequest>(context, rooms.Leave));
    }

    private static async Task Handle<T>(HttpContext context, Func<T, ApiAnswer> answer)
        where T : class
    {
        var request = await TrackSimServer.ReadAsync<T>(context).ConfigureAwait(false);
        if (request is not null)
        {
            await TrackSimServer.Answer(context, answer(request)).ConfigureAwait(false);
        }
    }

    private static async Task ExportAsync(HttpContext context, Rooms rooms)
    {
        var request = await TrackSimServer.ReadAsync<RoomRequest>(context).ConfigureAwait(false);
        if (request is null)
        {
            return;
        }

        var (csv, refusal) = rooms.Export(request);
        if (refusal is not null)
        {
            await TrackSimServer.Answer(context, refusal).ConfigureAwait(false);
            return;
        }

        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"tracksim-class-{request.Code!.Trim().ToUpperInvariant()}.csv\"";
        await context.Response.WriteAsync(csv!, context.RequestAborted).ConfigureAwait(false);
    }
}
