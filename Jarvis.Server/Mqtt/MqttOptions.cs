namespace Jarvis.Server.Mqtt;

/// <summary>MQTT settings (configuration section <c>Mqtt</c>).</summary>
public sealed class MqttOptions
{
    public const string Section = "Mqtt";

    public MqttBrokerMode Mode { get; set; } = MqttBrokerMode.Embedded;

    /// <summary>Broker host for <see cref="MqttBrokerMode.External"/>; the embedded broker is reached on localhost.</summary>
    public string Host { get; set; } = "localhost";

    /// <summary>Port of the broker (the embedded broker listens here on all interfaces).</summary>
    public int Port { get; set; } = 1883;

    /// <summary>Account for the external broker; in Embedded mode, the only account the embedded broker admits.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Connect with TLS (external brokers only).</summary>
    public bool UseTls { get; set; }

    /// <summary>Accept a self-signed broker certificate (TLS only; for home setups).</summary>
    public bool AllowUntrustedCertificate { get; set; }

    /// <summary>First segment of every Jarvis topic.</summary>
    public string TopicPrefix { get; set; } = "jarvis";

    /// <summary>Home Assistant's discovery prefix (HA default "homeassistant"); empty disables discovery.</summary>
    public string DiscoveryPrefix { get; set; } = "homeassistant";

    /// <summary>This server's id in MQTT (client id, arbitration claims); defaults to the machine name.</summary>
    public string ServerId { get; set; } = Environment.MachineName.ToLowerInvariant();

    public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(15);
}
