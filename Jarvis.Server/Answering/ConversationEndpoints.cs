namespace Jarvis.Server.Answering;

/// <summary>
/// <c>POST /api/ratings</c> {"room":"kitchen","stars":4} rates an enrolled room's last turn (the HTTP way to "rate that 4");
/// <c>GET /api/turns?count=20</c> lists recent turns with their mode, handling and stage latencies. Both need the API token.
/// </summary>
public static class ConversationEndpoints
{
    public static IEndpointRouteBuilder MapConversationApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/ratings", async (RatingRequest? body, RatingStore ratings, Jarvis.Server.Satellites.Enrolment.SatelliteEnrolment satellites, CancellationToken ct) =>
        {
            if (body is null || string.IsNullOrWhiteSpace(body.Room) || body.Stars is < 1 or > 5)
            {
                return Results.BadRequest(new { error = "send {\"room\": \"<room>\", \"stars\": 1-5}" });
            }

            var rooms = satellites.Enrolled().Select(s => s.Room).ToHashSet(StringComparer.Ordinal);
            if (!rooms.Contains(body.Room))
            {
                return Results.BadRequest(new { error = $"unknown room: rate one of the enrolled rooms ({string.Join(", ", rooms.Order(StringComparer.Ordinal))})" });
            }

            return Results.Ok(await ratings.RateAsync(body.Room, body.Stars, "http", ct).ConfigureAwait(false));
        });
        endpoints.MapGet("/api/turns", (TurnLog turns, int? count) => Results.Ok(turns.Recent(Math.Clamp(count ?? 20, 1, TurnLog.Capacity))));
        return endpoints;
    }

    public sealed record RatingRequest(string Room, int Stars);
}
