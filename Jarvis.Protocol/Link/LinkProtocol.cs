namespace Jarvis.Protocol.Link;

/// <summary>Constants of the satellite link protocol v1 (docs/link-protocol.md).</summary>
public static class LinkProtocol
{
    /// <summary>The protocol version carried by binary frames and by hello/welcome.</summary>
    public const int Version = 1;

    /// <summary>The largest WebSocket message (binary or text) either side accepts: 64 KiB.</summary>
    public const int MaxFrameBytes = 64 * 1024;

    /// <summary>The size of the binary audio frame header.</summary>
    public const int AudioHeaderBytes = 12;

    /// <summary>The largest payload an audio frame can carry.</summary>
    public const int MaxAudioPayloadBytes = MaxFrameBytes - AudioHeaderBytes;

    /// <summary>The largest WebSocket close reason in UTF-8 bytes (RFC 6455: 125-byte control frame minus the code).</summary>
    public const int MaxCloseReasonBytes = 123;

    /// <summary>The WebSocket path the server serves the link on.</summary>
    public const string Path = "/link/v1";
}
