namespace Jarvis.Protocol.Mqtt.Discovery;

/// <summary>Discovery payload of an MQTT binary sensor (<c>homeassistant/binary_sensor/.../config</c>).</summary>
public sealed record HaBinarySensorConfig : HaEntityConfig
{
    /// <summary>State payload for on.</summary>
    public string PayloadOn { get; init; } = MqttPayloads.On;

    /// <summary>State payload for off.</summary>
    public string PayloadOff { get; init; } = MqttPayloads.Off;

    /// <summary>Home Assistant device class, when one fits.</summary>
    public string? DeviceClass { get; init; }
}
