namespace Jarvis.Protocol.Link;

/// <summary>WebSocket close codes of the link protocol (private-use range 4000-4999, docs/link-protocol.md).</summary>
public static class LinkCloseCodes
{
    /// <summary>A frame could not be parsed: short binary header, invalid JSON or UTF-8, missing or invalid fields.</summary>
    public const int MalformedFrame = 4000;

    /// <summary>The peer speaks another protocol version (binary version nibble, hello or welcome version).</summary>
    public const int UnsupportedVersion = 4001;

    /// <summary>A WebSocket message was larger than <see cref="LinkProtocol.MaxFrameBytes"/>.</summary>
    public const int FrameTooLarge = 4002;

    /// <summary>A well-formed message that is not allowed here (wrong direction, before hello, second hello).</summary>
    public const int ProtocolViolation = 4003;

    /// <summary>The hello's token is wrong or the satellite is not known (after a reject message).</summary>
    public const int AuthenticationFailed = 4004;

    /// <summary>No hello (server side) or welcome (satellite side) arrived in time.</summary>
    public const int HandshakeTimeout = 4005;

    /// <summary>Another connection with the same satellite id replaced this one.</summary>
    public const int Replaced = 4006;

    /// <summary>No message (ping, pong, audio) arrived for longer than the idle timeout.</summary>
    public const int IdleTimeout = 4007;

    /// <summary>The short name of a close code, for logs ("malformed_frame"), or null when it is not one of ours.</summary>
    public static string? NameOf(int code) => code switch
    {
        MalformedFrame => "malformed_frame",
        UnsupportedVersion => "unsupported_version",
        FrameTooLarge => "frame_too_large",
        ProtocolViolation => "protocol_violation",
        AuthenticationFailed => "authentication_failed",
        HandshakeTimeout => "handshake_timeout",
        Replaced => "replaced",
        IdleTimeout => "idle_timeout",
        _ => null,
    };
}
