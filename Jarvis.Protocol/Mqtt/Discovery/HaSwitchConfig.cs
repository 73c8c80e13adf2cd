namespace Jarvis.Protocol.Mqtt.Discovery;

/// <summary>Discovery payload of an MQTT switch (<c>homeassistant/switch/.../config</c>), e.g. a satellite's mute.</summary>
public sealed record HaSwitchConfig : HaEntityConfig
{
    /// <summary>The topic Home Assistant publishes ON/OFF commands to.</summary>
    public required string CommandTopic { get; init; }

    /// <summary>Command and state payload for on.</summary>
    public string PayloadOn { get; init; } = MqttPayloads.On;

    /// <summary>Command and state payload for off.</summary>
    public string PayloadOff { get; init; } = MqttPayloads.Off;

    /// <summary>False: the switch shows the state Jarvis reports, not what was commanded.</summary>
    public bool Optimistic { get; init; }
}
