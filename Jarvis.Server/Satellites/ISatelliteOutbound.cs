using Jarvis.Protocol.Link.Messages;
using Jarvis.Server.Rooms;

namespace Jarvis.Server.Satellites;

/// <summary>
/// What the hub can tell one connected satellite. The link connection implements it by queueing frames for its writer loop,
/// so every call returns at once and never throws; a test implements it by recording.
/// </summary>
public interface ISatelliteOutbound
{
    /// <summary>Queues one downlink Opus packet (copied); false when it was dropped because the satellite is not keeping up.</summary>
    bool TrySendAudio(ReadOnlySpan<byte> opusPacket);

    /// <summary>The downlink audio queued from now on is of <paramref name="kind"/> (real-time duplex audio, or a burst played whole).</summary>
    void SetStream(StreamKind kind);

    /// <summary>Drop buffered playback now (handoff, end of conversation, barge-in).</summary>
    void Flush(FlushReason reason);

    void SetLed(RoomLed led);

    void SetMuted(bool muted);

    /// <summary>Whether a conversation is active in this room (the satellite streams continuously while it is).</summary>
    void SetConversation(bool active);
}
