using System.Globalization;
using Jarvis.Protocol.Link;
using Jarvis.Protocol.Mqtt.Internal;

namespace Jarvis.Protocol.Mqtt.Discovery;

/// <summary>
/// The Home Assistant discovery configs of one satellite: a mute switch, a status sensor (LED state) and an
/// "active conversation" binary sensor, grouped in one device, available while server and satellite are online.
/// </summary>
public static class SatelliteDiscovery
{
    /// <summary>Object id of the mute switch.</summary>
    public const string MuteObjectId = "mute";

    /// <summary>Object id of the status sensor.</summary>
    public const string StatusObjectId = "status";

    /// <summary>Object id of the active conversation binary sensor.</summary>
    public const string ConversationObjectId = "conversation";

    /// <summary>All three configs, ready to publish retained.</summary>
    public static IReadOnlyList<DiscoveryMessage> For(MqttTopics topics, SatelliteDevice satellite, HaOrigin? origin = null)
    {
        ArgumentNullException.ThrowIfNull(topics);
        ArgumentNullException.ThrowIfNull(satellite);
        var node = NodeId(satellite.SatelliteId);
        return
        [
            new(topics.DiscoveryConfig("switch", node, MuteObjectId), MqttJson.Serialize(MuteSwitch(topics, satellite, origin), MqttJsonContext.Default.HaSwitchConfig)),
            new(topics.DiscoveryConfig("sensor", node, StatusObjectId), MqttJson.Serialize(StatusSensor(topics, satellite, origin), MqttJsonContext.Default.HaSensorConfig)),
            new(topics.DiscoveryConfig("binary_sensor", node, ConversationObjectId),
                MqttJson.Serialize(ConversationSensor(topics, satellite, origin), MqttJsonContext.Default.HaBinarySensorConfig)),
        ];
    }

    /// <summary>The config topics of a satellite: publish an empty retained payload to each to remove it from Home Assistant.</summary>
    public static IReadOnlyList<string> ConfigTopics(MqttTopics topics, string satelliteId)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var node = NodeId(satelliteId);
        return
        [
            topics.DiscoveryConfig("switch", node, MuteObjectId),
            topics.DiscoveryConfig("sensor", node, StatusObjectId),
            topics.DiscoveryConfig("binary_sensor", node, ConversationObjectId),
        ];
    }

    /// <summary>The mute switch: state on <c>.../mute</c>, commands to <c>.../mute/set</c>.</summary>
    public static HaSwitchConfig MuteSwitch(MqttTopics topics, SatelliteDevice satellite, HaOrigin? origin = null) => new()
    {
        Name = "Mute",
        UniqueId = UniqueId(satellite.SatelliteId, MuteObjectId),
        StateTopic = topics.SatelliteMute(satellite.SatelliteId),
        CommandTopic = topics.SatelliteMuteSet(satellite.SatelliteId),
        Availability = Availability(topics, satellite.SatelliteId),
        Device = Device(satellite),
        Origin = origin,
        Icon = "mdi:microphone-off",
    };

    /// <summary>The status sensor: the LED state from <c>.../state</c>.</summary>
    public static HaSensorConfig StatusSensor(MqttTopics topics, SatelliteDevice satellite, HaOrigin? origin = null) => new()
    {
        Name = "Status",
        UniqueId = UniqueId(satellite.SatelliteId, StatusObjectId),
        StateTopic = topics.SatelliteState(satellite.SatelliteId),
        ValueTemplate = "{{ value_json.led }}",
        Availability = Availability(topics, satellite.SatelliteId),
        Device = Device(satellite),
        Origin = origin,
        Icon = "mdi:account-voice",
    };

    /// <summary>The active conversation binary sensor: ON/OFF from <c>.../conversation</c>.</summary>
    public static HaBinarySensorConfig ConversationSensor(MqttTopics topics, SatelliteDevice satellite, HaOrigin? origin = null) => new()
    {
        Name = "Active conversation",
        UniqueId = UniqueId(satellite.SatelliteId, ConversationObjectId),
        StateTopic = topics.SatelliteConversation(satellite.SatelliteId),
        Availability = Availability(topics, satellite.SatelliteId),
        Device = Device(satellite),
        Origin = origin,
        Icon = "mdi:chat-processing",
    };

    /// <summary>The discovery node id and device identifier of a satellite: <c>jarvis_{id}</c>.</summary>
    public static string NodeId(string satelliteId) =>
        LinkIds.IsValid(satelliteId) ? $"jarvis_{satelliteId}" : throw new ArgumentException($"'{satelliteId}' is not a valid satellite id.", nameof(satelliteId));

    /// <summary>"living_room" → "Living Room".</summary>
    public static string DisplayName(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return CultureInfo.InvariantCulture.TextInfo.ToTitleCase(id.Replace('_', ' ').Replace('-', ' '));
    }

    private static string UniqueId(string satelliteId, string objectId) => $"{NodeId(satelliteId)}_{objectId}";

    private static HaAvailability[] Availability(MqttTopics topics, string satelliteId) =>
        [new(topics.ServerStatus), new(topics.SatelliteStatus(satelliteId))];

    private static HaDevice Device(SatelliteDevice satellite) =>
        new([NodeId(satellite.SatelliteId)], $"Jarvis {DisplayName(satellite.SatelliteId)}", "Jarvis", satellite.Model,
            satellite.SoftwareVersion, DisplayName(satellite.Room));
}
