namespace Jarvis.Protocol.Mqtt.Discovery;

/// <summary>The fields every Jarvis discovery payload has (Home Assistant MQTT discovery, full key names).</summary>
public abstract record HaEntityConfig
{
    /// <summary>Entity name, shown after the device name ("Mute").</summary>
    public required string Name { get; init; }

    /// <summary>Stable unique id (<c>jarvis_{satellite id}_{object}</c>).</summary>
    public required string UniqueId { get; init; }

    /// <summary>The topic the entity's state is read from.</summary>
    public required string StateTopic { get; init; }

    /// <summary>Availability topics: the server's and the satellite's status.</summary>
    public required IReadOnlyList<HaAvailability> Availability { get; init; }

    /// <summary><c>all</c>: available only while the server and the satellite are both online.</summary>
    public string AvailabilityMode { get; init; } = "all";

    /// <summary>The device the entity belongs to.</summary>
    public required HaDevice Device { get; init; }

    /// <summary>Who published this.</summary>
    public HaOrigin? Origin { get; init; }

    /// <summary>A Material Design icon (<c>mdi:microphone-off</c>).</summary>
    public string? Icon { get; init; }
}
