namespace Jarvis.Server.Announcements;

/// <summary>
/// <c>POST /api/announce</c> (API token) with an <see cref="AnnouncementRequest"/>: 200 with the rooms (and for an ask the
/// transcript and yes/no answer, after the user answered), 400 with what to fix.
/// </summary>
public static class AnnouncementEndpoints
{
    public static IEndpointRouteBuilder MapAnnouncements(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/announce", async (AnnouncementRequest? body, Announcer announcer, CancellationToken ct) =>
        {
            if (body is null)
            {
                return Results.BadRequest(new { error = "send {\"text\": \"...\", \"rooms\": [\"kitchen\"], \"chime\": true, \"ask\": false}" });
            }

            var result = await announcer.AnnounceAsync(body, ct).ConfigureAwait(false);
            return result.Error is { } error && result.Rooms.Count == 0 ? Results.BadRequest(new { error, id = result.Id }) : Results.Ok(result);
        });
        return endpoints;
    }
}
