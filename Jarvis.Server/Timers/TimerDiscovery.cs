using System.Globalization;
using System.Text.Json.Nodes;
using Jarvis.Protocol.Mqtt;

namespace Jarvis.Server.Timers;

/// <summary>
/// Home Assistant MQTT discovery of an active timer: a <c>sensor</c> with device class <c>timestamp</c> whose state is the
/// time it ends (Home Assistant shows the countdown; unknown while paused), its name, room and what is left as attributes.
/// </summary>
public static class TimerDiscovery
{
    public static string ConfigTopic(MqttTopics topics, string serverId, string timerId) =>
        topics.DiscoveryConfig("sensor", $"jarvis_{serverId}", $"timer_{timerId}");

    public static JsonObject Config(MqttTopics topics, string serverId, RoomTimer timer) => new()
    {
        ["name"] = $"{char.ToUpperInvariant(timer.Label[0])}{timer.Label[1..]} ({timer.Room})",
        ["unique_id"] = $"jarvis_{serverId}_timer_{timer.Id}",
        ["state_topic"] = topics.TimerState(timer.Id),
        ["value_template"] = "{{ value_json.ends_at }}",
        ["json_attributes_topic"] = topics.TimerState(timer.Id),
        ["device_class"] = "timestamp",
        ["icon"] = "mdi:timer-outline",
        ["availability_topic"] = topics.ServerStatus,
        ["payload_available"] = MqttPayloads.Online,
        ["payload_not_available"] = MqttPayloads.Offline,
        ["device"] = new JsonObject
        {
            ["identifiers"] = new JsonArray($"jarvis_{serverId}_timers"),
            ["name"] = "Jarvis timers",
            ["manufacturer"] = "Jarvis",
            ["model"] = "Jarvis server",
        },
    };

    /// <summary>The state payload: <c>ends_at</c> (ISO 8601, null while paused), name, room, paused, seconds left.</summary>
    public static JsonObject State(RoomTimer timer, DateTimeOffset now) => new()
    {
        ["ends_at"] = timer.IsPaused ? null : timer.EndsAt.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture),
        ["name"] = timer.Name,
        ["room"] = timer.Room,
        ["paused"] = timer.IsPaused,
        ["seconds_left"] = (int)Math.Ceiling(timer.Left(now).TotalSeconds),
        ["started_for_seconds"] = (int)timer.StartedFor.Length.TotalSeconds,
    };
}
