using Jarvis.Protocol.Link.Messages;
using Jarvis.Server.Rooms;

namespace Jarvis.Server.Satellites.Enrolment;

/// <summary>
/// The owner's satellite API (API token required, like every endpoint): <c>GET /api/satellites</c> lists the enrolled and
/// the waiting satellites; <c>POST /api/satellites/{id}/approve</c> {room?, name?, pairingCode?}, <c>/reject</c>,
/// <c>PATCH /api/satellites/{id}</c> {room?, name?}, <c>DELETE /api/satellites/{id}</c> and
/// <c>POST /api/satellites/{id}/mute</c> {muted}.
/// </summary>
public static class SatelliteApiEndpoints
{
    public static IEndpointRouteBuilder MapSatelliteApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/satellites");
        api.MapGet("", (SatelliteEnrolment enrolment, SatelliteRegistry registry) => Results.Json(new
        {
            enrolled = enrolment.Enrolled().Select(s => Describe(s, Session(registry, s.Id))),
            pending = enrolment.Pending(),
        }));
        api.MapPost("/{id}/approve", (string id, ApproveRequest? body, SatelliteEnrolment enrolment) =>
            ToHttp(enrolment.Approve(id, Blank(body?.Room), Blank(body?.Name), Blank(body?.PairingCode))));
        api.MapPost("/{id}/reject", (string id, SatelliteEnrolment enrolment) => ToHttp(enrolment.Reject(id)));
        api.MapPatch("/{id}", async (string id, UpdateRequest? body, SatelliteEnrolment enrolment, SatelliteRegistry registry) =>
        {
            if (body is null || (body.Room is null && body.Name is null))
            {
                return Results.BadRequest(new { error = "send {\"room\": \"<room>\"} to move it, {\"name\": \"<name>\"} to rename it" });
            }

            var result = enrolment.Update(id, Blank(body.Room), body.Name);
            if (result is EnrolmentResult.Done && body.Room is { Length: > 0 } && Session(registry, id) is { Close: { } close } moved && moved.Room != body.Room)
            {
                await close(1012, $"moved to room {body.Room}").ConfigureAwait(false); // service restart: it reconnects into the new room
            }

            return ToHttp(result);
        });
        api.MapDelete("/{id}", async (string id, SatelliteEnrolment enrolment, SatelliteRegistry registry) =>
        {
            var result = enrolment.Remove(id);
            if (result is EnrolmentResult.Done && Session(registry, id) is { Close: { } close })
            {
                await close(Protocol.Link.LinkCloseCodes.AuthenticationFailed, "removed by the owner").ConfigureAwait(false);
            }

            return ToHttp(result);
        });
        api.MapPost("/{id}/mute", (string id, MuteRequest? body, SatelliteEnrolment enrolment, SatelliteRegistry registry, ConversationCoordinator coordinator) =>
        {
            if (body is null)
            {
                return Results.BadRequest(new { error = "send {\"muted\": true} or {\"muted\": false}" });
            }

            if (!enrolment.IsEnrolled(id))
            {
                return Results.NotFound(new { error = $"No satellite '{id}' is enrolled." });
            }

            var room = enrolment.RoomOf(id);
            if (!body.Muted && registry.ByRoom(room) is { Muted: true, MutedBy: MuteSource.Button })
            {
                return Results.Conflict(new { error = "It was muted with its button: only the button turns the microphone back on (privacy mute)." });
            }

            coordinator.SetMuted(room, body.Muted);
            return Results.Ok(new { room, muted = body.Muted });
        });
        return endpoints;
    }

    private static SatelliteSession? Session(SatelliteRegistry registry, string id) => registry.All().FirstOrDefault(s => s.Id == id);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static object Describe(EnrolledSatellite satellite, SatelliteSession? session) => new
    {
        id = satellite.Id,
        name = satellite.Name,
        room = satellite.Room,
        source = satellite.Source == EnrolmentSource.Configuration ? "configuration" : "approved",
        online = session is not null,
        connectedAt = session?.ConnectedAt,
        lastSeen = session is null ? satellite.LastSeen : null,
        muted = session?.Muted ?? false,
        mutedBy = session?.MutedBy is { } by ? by.ToString().ToLowerInvariant() : null,
    };

    private static IResult ToHttp(EnrolmentResult result) => result switch
    {
        EnrolmentResult.Done { Satellite: { } s } => Results.Ok(s),
        EnrolmentResult.Done => Results.NoContent(),
        EnrolmentResult.NotFound e => Results.NotFound(new { error = e.Error }),
        EnrolmentResult.Conflict e => Results.Conflict(new { error = e.Error }),
        EnrolmentResult.Invalid e => Results.BadRequest(new { error = e.Error }),
        _ => Results.StatusCode(500),
    };

    public sealed record ApproveRequest(string? Room, string? Name, string? PairingCode);

    public sealed record UpdateRequest(string? Room, string? Name);

    public sealed record MuteRequest(bool Muted);
}
