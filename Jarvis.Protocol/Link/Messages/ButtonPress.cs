using System.Text.Json.Serialization;
using Jarvis.Protocol.Link.Internal;

namespace Jarvis.Protocol.Link.Messages;

/// <summary>A press of the satellite's button, as classified by the satellite.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<ButtonPress>))]
public enum ButtonPress
{
    /// <summary>A short press (toggles mute).</summary>
    Short,

    /// <summary>A press held at least one second (starts a conversation).</summary>
    Long,

    /// <summary>Two short presses in quick succession.</summary>
    Double,
}
