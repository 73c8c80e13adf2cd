using Jarvis.Protocol.Link.Messages;
using Jarvis.Server.Rooms;
using Jarvis.Server.Speech;

namespace Jarvis.Server.Satellites;

/// <summary>
/// A synthesised answer to one room's satellite, paced to real time with a small lead (the satellite's jitter buffer
/// holds bursts, but not a whole answer produced faster than it plays). Each packet tells the room's conversation when
/// it will have been heard.
/// </summary>
internal sealed class SatelliteRoomAudioSink(string room, SatelliteRegistry satellites, ConversationCoordinator coordinator, int sampleRate,
    TimeProvider time) : IRoomAudioSink
{
    private static readonly TimeSpan Lead = TimeSpan.FromMilliseconds(200);
    private long _startedAt = -1;
    private double _sentSeconds;

    public string Room => room;

    public async ValueTask SendOpusAsync(ReadOnlyMemory<byte> packet, int samples, CancellationToken cancellationToken)
    {
        if (_startedAt < 0)
        {
            _startedAt = time.GetTimestamp();
        }

        var ahead = TimeSpan.FromSeconds(_sentSeconds) - time.GetElapsedTime(_startedAt);
        if (ahead > Lead)
        {
            await Task.Delay(ahead - Lead, time, cancellationToken).ConfigureAwait(false);
        }
        else if (ahead < -Lead)
        {
            // The room has played everything (a pause in the answer): start the clock again.
            _startedAt = time.GetTimestamp();
            _sentSeconds = 0;
        }

        satellites.ByRoom(room)?.SendAudio(packet.Span, StreamKind.Burst);
        _sentSeconds += (double)samples / sampleRate;
        var playedIn = TimeSpan.FromSeconds(_sentSeconds) - time.GetElapsedTime(_startedAt);
        coordinator.Said(room, time.GetUtcNow() + playedIn);
    }

    public ValueTask SendClipAsync(OpusRecording clip, CancellationToken cancellationToken) => clip.ReplayAsync(this, cancellationToken);

    public ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        satellites.ByRoom(room)?.Outbound.Flush(FlushReason.Cut);
        _startedAt = -1;
        _sentSeconds = 0;
        return ValueTask.CompletedTask;
    }
}
