namespace Jarvis.Server.Mqtt;

/// <summary>MQTT settings (configuration section <c>Mqtt</c>).</summary>
public sealed class MqttOptions
{
    public const string Section = "Mqtt";

    public MqttBrokerMode Mode { get; set; } = MqttBrokerMode.Embedded;

    /// <summary>Broker host for <see cref="MqttBrokerMode.External"/>; the embedded broker is reached on localhost.</summary>
    public string Host { get; set; } = "localhost";

    /// <summary>Port of the broker.</summary>
    public int Port { get; set; } = 1883;

    /// <summary>
    /// Where the embedded broker listens: <c>Loopback</c> (default: this machine only), <c>Any</c> (every interface, for a
    /// Home Assistant on another machine) or one IP address of this machine.
    /// </summary>
    public string Listen { get; set; } = "Loopback";

    /// <summary>
    /// The server's own account: at the external broker; in Embedded mode its account at its own broker (generated at
    /// first start into the state directory when not set).
    /// </summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Home Assistant's account at the embedded broker (password generated at first start when not set).</summary>
    public string HomeAssistantUsername { get; set; } = "homeassistant";

    public string? HomeAssistantPassword { get; set; }

    /// <summary>More accounts at the embedded broker (other Jarvis servers, a second Home Assistant): name → password and role.</summary>
    public Dictionary<string, MqttAccountEntry> Accounts { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Whether a Home Assistant command may lift a mute set with a satellite's button (a privacy mute); off by default.</summary>
    public bool RemoteUnmute { get; set; }

    /// <summary>The largest message payload the embedded broker passes on.</summary>
    public int MaxPayloadBytes { get; set; } = 64 * 1024;

    /// <summary>How many retained topics the embedded broker keeps.</summary>
    public int MaxRetainedMessages { get; set; } = 2000;

    /// <summary>Arbitration claims per second one server account may publish (bursts of twice as many pass).</summary>
    public int ClaimsPerSecond { get; set; } = 10;

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

    /// <summary>
    /// While backing off, the broker's TCP port is probed this often (connect, close, nothing sent) and the reconnect starts as
    /// soon as a port that was closed accepts again. Zero: no probe, every back-off is waited out.
    /// </summary>
    public TimeSpan ReconnectProbeInterval { get; set; } = Reconnect.ReconnectProbeInterval.Default;

    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(15);
}
