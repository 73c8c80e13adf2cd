using Jarvis.Server.Health;
using Jarvis.Server.Rooms;
using Jarvis.Server.Satellites;

namespace Jarvis.Server.Status;

/// <summary>Builds the <c>/api/status</c> document: rooms and their satellites, conversations, backends, latencies.</summary>
public sealed class StatusReport(
    ConversationCoordinator coordinator,
    SatelliteRegistry satellites,
    SatelliteIdGuard idGuard,
    BackendStatusCache backends,
    MetricsRegistry metrics,
    Conversation.ConversationModes modes,
    TimeProvider time)
{
    private readonly DateTimeOffset _startedAt = time.GetUtcNow();

    public async Task<object> BuildAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rooms = coordinator.Rooms().ToDictionary(r => r.Room);
        var sessions = satellites.All();
        var roomNames = rooms.Keys.Union(sessions.Select(s => s.Room)).Order(StringComparer.Ordinal);
        IReadOnlyDictionary<string, BackendStatus> backendStatus = await backends.GetAsync(cancellationToken).ConfigureAwait(false);
        return new
        {
            server = new { startedAt = _startedAt, uptimeSeconds = Math.Round((now - _startedAt).TotalSeconds) },
            warnings = idGuard.Warnings().Concat(PlaybackWarnings(sessions)).ToArray(),
            rooms = roomNames.Select(name => RoomView(name, rooms.GetValueOrDefault(name), sessions.FirstOrDefault(s => s.Room == name))),
            conversations = coordinator.Conversations(),
            conversationModes = modes.Snapshot(),
            backends = backendStatus.ToDictionary(b => b.Key, b => new { ready = b.Value.Ready, detail = b.Value.Detail }),
            latencies = metrics.Histograms().Select(h => new
            {
                name = h.Name,
                labels = h.Labels,
                count = h.Histogram.Count,
                p50Ms = Math.Round(h.Histogram.Quantile(0.5) * 1000, 3),
                p99Ms = Math.Round(h.Histogram.Quantile(0.99) * 1000, 3),
            }),
        };
    }

    private static object RoomView(string name, RoomSnapshot? room, SatelliteSession? session) => new
    {
        room = name,
        online = session is not null,
        muted = session?.Muted ?? room?.Muted ?? false,
        speaking = room?.Speaking ?? false,
        score = room?.Score ?? 0,
        conversationSlot = room?.Slot,
        waiting = room?.Waiting ?? false,
        satellite = session is null ? null : new
        {
            id = session.Id,
            remote = session.Remote,
            connectedAt = session.ConnectedAt,
            rttMs = Math.Round(session.RttMilliseconds, 2),
            clockOffsetMs = Math.Round(session.ClockOffsetMilliseconds, 2),
            packetsIn = session.PacketsIn,
            packetsOut = session.PacketsOut,
            droppedOut = session.DroppedOut,
            lossPercent = session.LinkStats.LossPercent,
            jitterMs = session.LinkStats.JitterMilliseconds,
            bufferMs = session.LinkStats.BufferMilliseconds,
            playbackLate = session.PlaybackLag.Lagging,
            playbackLateEpisodes = session.PlaybackLag.Episodes,
        },
    };

    private static IEnumerable<string> PlaybackWarnings(IEnumerable<SatelliteSession> sessions) =>
        sessions.Where(s => s.PlaybackLag.Lagging).Select(s => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"Playback in {s.Room} is late: the satellite's jitter buffer is {s.PlaybackLag.ExcessMilliseconds:0} ms above its target."));
}
