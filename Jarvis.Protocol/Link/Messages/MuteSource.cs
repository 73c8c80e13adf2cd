using System.Text.Json.Serialization;
using Jarvis.Protocol.Link.Internal;

namespace Jarvis.Protocol.Link.Messages;

/// <summary>Who changed the mute state.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<MuteSource>))]
public enum MuteSource
{
    /// <summary>The satellite's button.</summary>
    Button,

    /// <summary>The state restored when the satellite started.</summary>
    Startup,

    /// <summary>The server (status page or policy).</summary>
    Server,

    /// <summary>An MQTT command (e.g. the Home Assistant switch).</summary>
    Mqtt,
}
