namespace Jarvis.Protocol.Link.Messages;

/// <summary>Server → satellite, the answer to an accepted hello.</summary>
/// <param name="ProtocolVersion">The version the server speaks (<see cref="LinkProtocol.Version"/>).</param>
/// <param name="ServerId">The server's id, for logs.</param>
/// <param name="SessionId">This connection's session id, for logs on both sides.</param>
/// <param name="Uplink">How the satellite must encode microphone audio.</param>
/// <param name="Downlink">How the server will encode playback audio.</param>
/// <param name="ConversationActive">True when a conversation is already active in this satellite's room.</param>
/// <param name="PingIntervalMs">How often each side pings (the idle timeout is three intervals).</param>
/// <param name="WakePacketMs">
/// Optional: while no conversation is active in its room (voice-gated audio on the wake path), the satellite may join its
/// <c>uplink.frame_ms</c> frames into Opus packets of up to this duration (a multiple of <c>frame_ms</c>, at most 120 ms;
/// RFC 6716 code 3 packets). Absent: one frame per packet. Fewer packets cost the server less per room; a conversation
/// always gets single frames.
/// </param>
public sealed record WelcomeMessage(
    int ProtocolVersion,
    string ServerId,
    string SessionId,
    AudioStreamParameters Uplink,
    AudioStreamParameters Downlink,
    bool ConversationActive,
    int PingIntervalMs,
    int? WakePacketMs = null) : LinkMessage
{
    internal override string? Validate()
    {
        if (!LinkValidation.IsText(ServerId, 128) || !LinkValidation.IsText(SessionId, 128))
        {
            return "welcome.server_id and session_id must be 1-128 printable characters";
        }

        if (PingIntervalMs is < 100 or > 600_000)
        {
            return "welcome.ping_interval_ms must be 100 to 600000";
        }

        return Uplink.Validate("uplink") ?? Downlink.Validate("downlink") ?? ValidateWakePacket();
    }

    private string? ValidateWakePacket() =>
        WakePacketMs is not { } ms || (ms >= Uplink.FrameMs && ms <= 120 && ms % Uplink.FrameMs == 0)
            ? null
            : "welcome.wake_packet_ms must be a multiple of uplink.frame_ms, at most 120";
}
