using Jarvis.Protocol.Mqtt;

namespace Jarvis.Server.Mqtt.Broker;

/// <summary>
/// Who may publish what at the embedded broker (pure: no state). Servers: anything under the Jarvis prefix and the
/// discovery prefix. Home Assistant: the command topics (mute, announce, room notify), not retained, and its own birth topic
/// (<c>{discovery}/status</c>). Nothing else, for anyone.
/// </summary>
public sealed class MqttAccessPolicy(MqttTopics topics)
{
    /// <summary>Null when allowed, else why not (for the log).</summary>
    public string? Refusal(MqttRole role, string topic, bool retain)
    {
        switch (role)
        {
            case MqttRole.Server when Under(topic, topics.Prefix) || Under(topic, topics.DiscoveryPrefix):
                return null;
            case MqttRole.Server:
                return "a server publishes only under the Jarvis and discovery prefixes";
            case MqttRole.HomeAssistant when topics.TryParse(topic, out var parsed)
                                              && parsed.Kind is MqttTopicKind.SatelliteMuteSet or MqttTopicKind.Announce or MqttTopicKind.RoomNotify:
                return retain ? "a command is never retained" : null;
            case MqttRole.HomeAssistant when topic == $"{topics.DiscoveryPrefix}/status":
                return null;
            default:
                return "Home Assistant publishes only the command topics (…/mute/set, …/announce, …/room/+/notify) and its status";
        }
    }

    /// <summary>Whether the topic is an arbitration claim (bounded in rate).</summary>
    public bool IsClaim(string topic) => topics.TryParse(topic, out var parsed) && parsed.Kind == MqttTopicKind.ArbitrationClaim;

    private static bool Under(string topic, string prefix) =>
        topic.Length > prefix.Length + 1 && topic.StartsWith(prefix, StringComparison.Ordinal) && topic[prefix.Length] == '/';
}
