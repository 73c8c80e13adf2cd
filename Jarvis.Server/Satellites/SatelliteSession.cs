using Jarvis.Protocol.Link.Messages;

namespace Jarvis.Server.Satellites;

/// <summary>One connected satellite: who it is, its room and state, its counters and measured link timing.</summary>
public sealed class SatelliteSession(string id, string room, string remote, DateTimeOffset connectedAt, ISatelliteOutbound outbound)
{
    private long _packetsIn;
    private long _packetsOut;
    private long _droppedOut;
    private long _unknownMessages;
    private readonly Lock _downlink = new();
    private readonly Lock _conversation = new();
    private StreamKind? _streamKind;

    /// <summary>What the satellite was told of its room's conversation: by the welcome, then by <c>conversation</c> (null before the welcome).</summary>
    private bool? _conversationActive;

    public string Id { get; } = id;

    public string Room { get; } = room;

    public string Remote { get; } = remote;

    public DateTimeOffset ConnectedAt { get; } = connectedAt;

    public ISatelliteOutbound Outbound { get; } = outbound;

    public bool Muted { get; set; }

    /// <summary>Who muted the satellite, as it reported (a button mute is a privacy mute); null while unmuted.</summary>
    public Jarvis.Protocol.Link.Messages.MuteSource? MutedBy { get; set; }

    /// <summary>Latest voice score (0..1) the satellite reported, used as the wake score.</summary>
    public double VoiceScore { get; set; }

    /// <summary>Closes this session's link (set by the connection; used when a newer connection replaces it).</summary>
    public Func<int, string, Task>? Close { get; set; }

    /// <summary>
    /// Sends the welcome (<paramref name="send"/>) with the room's conversation state as <paramref name="isActive"/> reads it
    /// now; from then on <see cref="SetConversation"/> tells changes. One lock for both: a change decided while the link was
    /// being accepted is either in the welcome or told after it, never lost and never before it.
    /// </summary>
    public void Welcome(Func<bool> isActive, Action<bool> send)
    {
        lock (_conversation)
        {
            var active = isActive();
            send(active);
            _conversationActive = active;
        }
    }

    /// <summary>Tells the satellite its room's conversation started or ended, if that is news to it (nothing before the welcome).</summary>
    public void SetConversation(bool active)
    {
        lock (_conversation)
        {
            if (_conversationActive is { } told && told != active)
            {
                _conversationActive = active;
                Outbound.SetConversation(active);
            }
        }
    }

    /// <summary>Round-trip time from the last ping/pong, in milliseconds.</summary>
    public double RttMilliseconds { get; set; }

    /// <summary>Satellite clock minus server clock, in milliseconds (NTP-style estimate).</summary>
    public double ClockOffsetMilliseconds { get; set; }

    /// <summary>Latest link statistics reported by the satellite (loss %, jitter ms, jitter-buffer depth ms).</summary>
    public (double LossPercent, double JitterMilliseconds, double BufferMilliseconds, double BufferTargetMilliseconds) LinkStats { get; set; }

    /// <summary>Late playback (jitter buffer above target + margin for the sustain time), from the satellite's stats.</summary>
    public PlaybackLag PlaybackLag { get; } = new();

    public long PacketsIn => Interlocked.Read(ref _packetsIn);

    public long PacketsOut => Interlocked.Read(ref _packetsOut);

    public long DroppedOut => Interlocked.Read(ref _droppedOut);

    public long UnknownMessages => Interlocked.Read(ref _unknownMessages);

    public void CountIn() => Interlocked.Increment(ref _packetsIn);

    public void CountUnknown() => Interlocked.Increment(ref _unknownMessages);

    /// <summary>
    /// Sends one downlink packet of the given stream kind and counts it; a change of kind is told to the satellite first
    /// (<c>stream</c>), so it holds real-time audio at its jitter-buffer target and plays bursts whole.
    /// </summary>
    public bool SendAudio(ReadOnlySpan<byte> opusPacket, StreamKind kind)
    {
        bool sent;
        lock (_downlink)
        {
            if (_streamKind != kind)
            {
                _streamKind = kind;
                Outbound.SetStream(kind);
            }

            sent = Outbound.TrySendAudio(opusPacket);
        }

        if (sent)
        {
            Interlocked.Increment(ref _packetsOut);
            return true;
        }

        Interlocked.Increment(ref _droppedOut);
        return false;
    }
}
