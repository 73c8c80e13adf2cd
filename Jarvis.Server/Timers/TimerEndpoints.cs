namespace Jarvis.Server.Timers;

/// <summary>
/// <c>GET /api/timers</c> (API token): every active timer (id, room, name, paused, seconds left, end time) and the rooms
/// ringing now, for the status page and scripts.
/// </summary>
public static class TimerEndpoints
{
    public static IEndpointRouteBuilder MapTimers(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/timers", (TimerBook book, TimerRinger ringer, TimeProvider time) =>
        {
            var now = time.GetUtcNow();
            return Results.Ok(new
            {
                timers = book.All().Select(t => new
                {
                    t.Id,
                    t.Room,
                    t.Name,
                    label = t.Label,
                    paused = t.IsPaused,
                    secondsLeft = (int)Math.Ceiling(t.Left(now).TotalSeconds),
                    endsAt = t.IsPaused ? (DateTimeOffset?)null : t.EndsAt,
                    t.Command,
                }),
                ringing = ringer.Ringing().Select(r => new { room = r.Key, timers = r.Value.Select(t => t.Label) }),
            });
        });
        return endpoints;
    }
}
