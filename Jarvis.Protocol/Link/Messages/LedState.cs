using System.Text.Json.Serialization;
using Jarvis.Protocol.Link.Internal;

namespace Jarvis.Protocol.Link.Messages;

/// <summary>What a satellite's LEDs show (sent as <c>led</c>).</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<LedState>))]
public enum LedState
{
    /// <summary>Nothing going on.</summary>
    Idle,

    /// <summary>A conversation is active in this room and the user may speak.</summary>
    Listening,

    /// <summary>The assistant is working on an answer.</summary>
    Thinking,

    /// <summary>The assistant is talking in this room.</summary>
    Speaking,

    /// <summary>The microphone is muted (red).</summary>
    Muted,

    /// <summary>Something is broken (e.g. a backend is down).</summary>
    Error,

    /// <summary>No link to the server (dim pulse; normally set locally).</summary>
    Disconnected,

    /// <summary>A timer of this room has ended and is ringing (fast amber pulse; shown even when muted; a short press stops it).</summary>
    Timer,

    /// <summary>A timer of this room is running (dim steady amber).</summary>
    Countdown,
}
