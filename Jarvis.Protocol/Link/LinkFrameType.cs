namespace Jarvis.Protocol.Link;

/// <summary>The kind of a WebSocket data message (mirrors WebSocketMessageType without the close frame).</summary>
public enum LinkFrameType
{
    /// <summary>A binary message: an audio frame.</summary>
    Binary,

    /// <summary>A text message: a JSON control message.</summary>
    Text,
}
