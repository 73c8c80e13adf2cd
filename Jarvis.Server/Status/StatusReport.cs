using Jarvis.Server.Health;
using Jarvis.Server.Rooms;
using Jarvis.Server.Satellites;
using Jarvis.Server.Satellites.Enrolment;
using Jarvis.Server.Timers;

namespace Jarvis.Server.Status;

/// <summary>
/// Builds the <c>/api/status</c> document: one entry per room (enrolled satellites even when offline), the satellites waiting
/// for approval, conversations, backends (with what is lost without them), latencies with their recent history, uptime.
/// Each room lists its timers: those running or paused in the timer book, and those that ended and ring now.
/// </summary>
public sealed class StatusReport(
    ConversationCoordinator coordinator,
    SatelliteRegistry satellites,
    SatelliteEnrolment enrolment,
    SatelliteIdGuard idGuard,
    BackendStatusCache backends,
    MetricsRegistry metrics,
    Conversation.LiveConversations live,
    TimerBook timerBook,
    TimerRinger ringer,
    TimeProvider time)
{
    /// <summary>The process's start, so that the uptime does not count from the first status request.</summary>
    private static readonly DateTimeOffset ProcessStarted = new(System.Diagnostics.Process.GetCurrentProcess().StartTime.ToUniversalTime());

    public async Task<object> BuildAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rooms = coordinator.Rooms().ToDictionary(r => r.Room);
        var sessions = satellites.All();
        var enrolled = enrolment.Enrolled();
        var conversationModes = live.Modes();
        var timers = RoomTimers(now);
        var roomNames = rooms.Keys.Union(sessions.Select(s => s.Room)).Union(enrolled.Select(e => e.Room)).Union(timers.Keys)
            .Order(StringComparer.Ordinal);
        IReadOnlyDictionary<string, BackendStatus> backendStatus = await backends.GetAsync(cancellationToken).ConfigureAwait(false);
        var startedAt = ProcessStarted <= now ? ProcessStarted : now;
        return new
        {
            server = new { startedAt, uptimeSeconds = Math.Round((now - startedAt).TotalSeconds) },
            warnings = idGuard.Warnings().Concat(PlaybackWarnings(sessions)).ToArray(),
            rooms = roomNames.Select(name => RoomView(
                name, rooms.GetValueOrDefault(name), sessions.FirstOrDefault(s => s.Room == name),
                enrolled.FirstOrDefault(e => e.Room == name), conversationModes.GetValueOrDefault(name), timers.GetValueOrDefault(name) ?? [])),
            pending = enrolment.Pending(),
            conversations = coordinator.Conversations(),
            conversationModes,
            answering = new
            {
                nobodyCanAnswer = BackendDescriptions.NobodyCanAnswer(backendStatus),
                missing = backendStatus.Where(b => !b.Value.Ready).Select(b => new { name = b.Key, label = BackendDescriptions.Label(b.Key), without = BackendDescriptions.Without(b.Key) }),
            },
            backends = backendStatus.ToDictionary(b => b.Key, b => new
            {
                ready = b.Value.Ready,
                detail = b.Value.Detail,
                label = BackendDescriptions.Label(b.Key),
                problem = b.Value.Ready ? null : BackendDescriptions.Plain(b.Value.Detail),
                without = b.Value.Ready ? null : BackendDescriptions.Without(b.Key),
            }),
            latencies = metrics.Histograms().Select(h => new
            {
                name = h.Name,
                labels = h.Labels,
                count = h.Histogram.Count,
                p50Ms = Math.Round(h.Histogram.Quantile(0.5) * 1000, 3),
                p99Ms = Math.Round(h.Histogram.Quantile(0.99) * 1000, 3),
                recentMs = h.Histogram.Recent().Select(s => Math.Round(s * 1000, 1)),
            }),
        };
    }

    /// <summary>The timers per room: ringing first, then running and paused ones by their start.</summary>
    private Dictionary<string, List<TimerView>> RoomTimers(DateTimeOffset now)
    {
        var byRoom = new Dictionary<string, List<TimerView>>(StringComparer.Ordinal);
        foreach (var ended in ringer.Ringing().Values)
        {
            foreach (var timer in ended)
            {
                Add(timer.Room, new TimerView(timer.Id, timer.Name, timer.Label, "ringing", 0));
            }
        }

        foreach (var timer in timerBook.All())
        {
            Add(timer.Room, new TimerView(timer.Id, timer.Name, timer.Label, timer.IsPaused ? "paused" : "running", (int)Math.Ceiling(timer.Left(now).TotalSeconds)));
        }

        return byRoom;

        void Add(string room, TimerView view)
        {
            if (!byRoom.TryGetValue(room, out var list))
            {
                byRoom[room] = list = [];
            }

            list.Add(view);
        }
    }

    private static object RoomView(string name, RoomSnapshot? room, SatelliteSession? session, EnrolledSatellite? enrolled, string? mode, List<TimerView> timers) => new
    {
        room = name,
        online = session is not null,
        lastSeen = session is null ? enrolled?.LastSeen : null,
        muted = session?.Muted ?? room?.Muted ?? false,
        mutedBy = session?.MutedBy is { } by ? by.ToString().ToLowerInvariant() : null,
        speaking = room?.Speaking ?? false,
        score = room?.Score ?? 0,
        conversationSlot = room?.Slot,
        conversationMode = room?.Slot is null ? null : mode,
        waiting = room?.Waiting ?? false,
        timers,
        enrolled = enrolled is null ? null : new { id = enrolled.Id, name = enrolled.Name, source = enrolled.Source == EnrolmentSource.Configuration ? "configuration" : "approved" },
        signal = session is null ? null : SignalQuality.Describe(
            session.LinkStats.LossPercent, session.LinkStats.JitterMilliseconds, session.RttMilliseconds, session.RttMilliseconds > 0),
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
            lossPercent = Math.Round(session.LinkStats.LossPercent, 1),
            jitterMs = Math.Round(session.LinkStats.JitterMilliseconds, 1),
            bufferMs = Math.Round(session.LinkStats.BufferMilliseconds, 1),
            bufferTargetMs = Math.Round(session.LinkStats.BufferTargetMilliseconds, 1),
            playbackLate = session.PlaybackLag.Lagging,
            playbackLateEpisodes = session.PlaybackLag.Episodes,
        },
    };

    /// <summary>A timer on a room card; <paramref name="State"/> is <c>running</c>, <c>paused</c> or <c>ringing</c>.</summary>
    private sealed record TimerView(string Id, string? Name, string Label, string State, int SecondsLeft);

    private static IEnumerable<string> PlaybackWarnings(IEnumerable<SatelliteSession> sessions) =>
        sessions.Where(s => s.PlaybackLag.Lagging).Select(s => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"Playback in {s.Room} is late: the satellite's jitter buffer is {s.PlaybackLag.ExcessMilliseconds:0} ms above its target."));
}
