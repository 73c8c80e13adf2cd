namespace Jarvis.Server.Satellites;

/// <summary>One connected satellite: who it is, its room and state, its counters and measured link timing.</summary>
public sealed class SatelliteSession(string id, string room, string remote, DateTimeOffset connectedAt, ISatelliteOutbound outbound)
{
    private long _packetsIn;
    private long _packetsOut;
    private long _droppedOut;
    private long _unknownMessages;

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

    public bool ConversationActive { get; set; }

    /// <summary>Round-trip time from the last ping/pong, in milliseconds.</summary>
    public double RttMilliseconds { get; set; }

    /// <summary>Satellite clock minus server clock, in milliseconds (NTP-style estimate).</summary>
    public double ClockOffsetMilliseconds { get; set; }

    /// <summary>Latest link statistics reported by the satellite (loss %, jitter ms, jitter-buffer depth ms).</summary>
    public (double LossPercent, double JitterMilliseconds, double BufferMilliseconds) LinkStats { get; set; }

    public long PacketsIn => Interlocked.Read(ref _packetsIn);

    public long PacketsOut => Interlocked.Read(ref _packetsOut);

    public long DroppedOut => Interlocked.Read(ref _droppedOut);

    public long UnknownMessages => Interlocked.Read(ref _unknownMessages);

    public void CountIn() => Interlocked.Increment(ref _packetsIn);

    public void CountUnknown() => Interlocked.Increment(ref _unknownMessages);

    /// <summary>Sends one downlink packet and counts it.</summary>
    public bool SendAudio(ReadOnlySpan<byte> opusPacket)
    {
        if (Outbound.TrySendAudio(opusPacket))
        {
            Interlocked.Increment(ref _packetsOut);
            return true;
        }

        Interlocked.Increment(ref _droppedOut);
        return false;
    }
}
