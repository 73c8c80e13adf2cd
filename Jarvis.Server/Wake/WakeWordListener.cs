using System.Collections.Concurrent;
using Jarvis.Server.Rooms;
using Jarvis.Server.Satellites;
using Jarvis.Server.Status;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Wake;

/// <summary>
/// The wake glue (<c>Rooms:WakeMode</c> = WakeWord): streams each idle room's voice-gated audio to the Wyoming wake-word
/// service and turns its <c>detection</c> into a wake candidate scored by how well the room hears the speaker.
/// While the service is down, rooms still wake by long press; a failure is retried after a pause. One
/// <see cref="RoomWakeStream"/> per room for the server's life (its decoder and buffer reused).
/// </summary>
public sealed partial class WakeWordListener(
    IWakeWordDetector detector,
    ConversationCoordinator coordinator,
    SatelliteRegistry satellites,
    IOptions<RoomsOptions> rooms,
    MetricsRegistry metrics,
    TimeProvider time,
    ILogger<WakeWordListener> logger) : IUplinkAudioSink, IDisposable
{
    private static readonly TimeSpan IdleAfter = TimeSpan.FromSeconds(1.5);
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);
    private readonly LatencyHistogram _feedLatency = metrics.Histogram(
        "jarvis_wake_feed_latency_seconds", "Time an idle room's voice packet spends in the server until its PCM goes to the wake-word service");

    private readonly ConcurrentDictionary<string, RoomWakeStream> _streams = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, MetricCounter> _undecodable = new(StringComparer.Ordinal);
    private long _retryAt;
    private int _failures;

    public ValueTask OnUplinkAsync(SatelliteSession session, ReadOnlyMemory<byte> opusPacket, long receivedTimestamp, CancellationToken cancellationToken)
    {
        if (rooms.Value.WakeMode != WakeMode.WakeWord || coordinator.IsConversing(session.Room)
            || time.GetTimestamp() < Volatile.Read(ref _retryAt))
        {
            return ValueTask.CompletedTask;
        }

        // Decoded and sent here, on the link's read loop, unless the room's stream is not ready (then queued there).
        _streams.GetOrAdd(session.Room, static (room, self) => self.Open(room), this).Feed(opusPacket.Span, receivedTimestamp);
        return ValueTask.CompletedTask;
    }

    public void Dispose()
    {
        foreach (var stream in _streams.Values)
        {
            stream.Dispose();
        }
    }

    private RoomWakeStream Open(string room) => new(room, detector, IdleAfter, time, OnDetection, OnFailure, OnUndecodable, _feedLatency);

    /// <summary>A room sent audio that does not decode: dropped and counted for that room; the wake service is not to blame.</summary>
    private void OnUndecodable(string room, InvalidDataException error)
    {
        var counter = _undecodable.GetOrAdd(room, r => metrics.Counter(
            "jarvis_undecodable_packets_total", "Uplink audio packets that did not decode (dropped)", $"room=\"{r}\""));
        counter.Increment();
        if (counter.Value == 1)
        {
            LogUndecodable(room, error.Message);
        }
    }

    private void OnDetection(string room)
    {
        var score = satellites.ByRoom(room)?.VoiceScore is > 0 and var voice ? voice : 0.5;
        LogDetected(room, score);
        Interlocked.Exchange(ref _failures, 0);
        coordinator.Wake(room, score, WakeSource.WakeWord);
    }

    private void OnFailure(string room, Exception error)
    {
        Volatile.Write(ref _retryAt, time.GetTimestamp() + (long)(RetryAfter.TotalSeconds * time.TimestampFrequency));
        if (Interlocked.Increment(ref _failures) == 1)
        {
            LogServiceDown(error.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Wake word heard in {Room} (score {Score:0.00})")]
    private partial void LogDetected(string room, double score);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Room {Room} sent audio that does not decode ({Error}): such packets are dropped for that room and counted in jarvis_undecodable_packets_total (check the satellite's codec)")]
    private partial void LogUndecodable(string room, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Wake-word service unavailable ({Error}): rooms wake by long press until it is back. Check Speech:Wake:Uri (wyoming-openwakeword listens on port 10400), or set Rooms:WakeMode to Vad.")]
    private partial void LogServiceDown(string error);
}
