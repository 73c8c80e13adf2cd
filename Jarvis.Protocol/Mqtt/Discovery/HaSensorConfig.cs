namespace Jarvis.Protocol.Mqtt.Discovery;

/// <summary>Discovery payload of an MQTT sensor (<c>homeassistant/sensor/.../config</c>), e.g. a satellite's status.</summary>
public sealed record HaSensorConfig : HaEntityConfig
{
    /// <summary>Template extracting the value from the state payload (<c>{{ value_json.led }}</c>).</summary>
    public string? ValueTemplate { get; init; }
}
