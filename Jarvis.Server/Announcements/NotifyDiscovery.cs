using System.Text.Json.Nodes;
using Jarvis.Protocol.Mqtt;

namespace Jarvis.Server.Announcements;

/// <summary>
/// Home Assistant MQTT discovery of a room as a notify target (<c>notify.send_message</c> speaks the message there):
/// component <c>notify</c>, command topic <c>{prefix}/room/{room}/notify</c>, available while the server is online.
/// </summary>
public static class NotifyDiscovery
{
    public static (string Topic, JsonObject Payload) For(MqttTopics topics, string serverId, string room) =>
        (topics.DiscoveryConfig("notify", $"jarvis_{serverId}", $"announce_{room}"), new JsonObject
        {
            ["name"] = $"Announce {Title(room)}",
            ["unique_id"] = $"jarvis_{serverId}_announce_{room}",
            ["command_topic"] = topics.RoomNotify(room),
            ["qos"] = 1,
            ["retain"] = false,
            ["icon"] = "mdi:bullhorn",
            ["availability_topic"] = topics.ServerStatus,
            ["payload_available"] = MqttPayloads.Online,
            ["payload_not_available"] = MqttPayloads.Offline,
            ["device"] = new JsonObject
            {
                ["identifiers"] = new JsonArray($"jarvis_{serverId}_announcements"),
                ["name"] = "Jarvis announcements",
                ["manufacturer"] = "Jarvis",
                ["model"] = "Jarvis server",
            },
        });

    internal static string Title(string room) =>
        string.Join(' ', room.Split(['_', '-'], StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}
