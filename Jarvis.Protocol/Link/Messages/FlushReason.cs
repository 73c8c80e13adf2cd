using System.Text.Json.Serialization;
using Jarvis.Protocol.Link.Internal;

namespace Jarvis.Protocol.Link.Messages;

/// <summary>Why the server asks the satellite to drop queued playback.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<FlushReason>))]
public enum FlushReason
{
    /// <summary>The user spoke over the assistant.</summary>
    BargeIn,

    /// <summary>The conversation moved to another room.</summary>
    Handoff,

    /// <summary>The conversation ended.</summary>
    EndOfConversation,

    /// <summary>The server cut the model's audio for another reason.</summary>
    Cut,
}
