namespace Jarvis.Server.Mqtt;

/// <summary>Where the MQTT broker lives.</summary>
public enum MqttBrokerMode
{
    /// <summary>The server runs its own MQTTnet broker (default: a fresh install needs nothing else).</summary>
    Embedded,

    /// <summary>An existing broker (mosquitto, EMQX, Home Assistant's Mosquitto add-on) at <see cref="MqttOptions.Host"/>.</summary>
    External,
}
