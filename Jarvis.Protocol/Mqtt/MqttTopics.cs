using Jarvis.Protocol.Link;

namespace Jarvis.Protocol.Mqtt;

/// <summary>
/// Builds and parses the Jarvis MQTT topics under a configurable prefix (default <c>jarvis</c>) and the Home
/// Assistant discovery topics under the discovery prefix (default <c>homeassistant</c>). Ids are
/// <see cref="LinkIds"/>; an invalid id is an <see cref="ArgumentException"/> when building and a failed parse.
/// </summary>
public sealed class MqttTopics
{
    /// <summary>The default topic prefix.</summary>
    public const string DefaultPrefix = "jarvis";

    /// <summary>The default Home Assistant discovery prefix.</summary>
    public const string DefaultDiscoveryPrefix = "homeassistant";

    /// <summary>Creates the topic set; prefixes may have several levels (<c>home/jarvis</c>) but no wildcards.</summary>
    public MqttTopics(string prefix = DefaultPrefix, string discoveryPrefix = DefaultDiscoveryPrefix)
    {
        Prefix = CheckPrefix(prefix, nameof(prefix));
        DiscoveryPrefix = CheckPrefix(discoveryPrefix, nameof(discoveryPrefix));
    }

    /// <summary>The topic prefix.</summary>
    public string Prefix { get; }

    /// <summary>The Home Assistant discovery prefix.</summary>
    public string DiscoveryPrefix { get; }

    /// <summary>The server's availability (its last will publishes <c>offline</c> here).</summary>
    public string ServerStatus => $"{Prefix}/server/status";

    /// <summary>The active conversation, retained.</summary>
    public string ActiveConversation => $"{Prefix}/conversation/active";

    /// <summary>Subscription filter for every satellite's mute command.</summary>
    public string AllMuteSetCommands => $"{Prefix}/satellite/+/mute/set";

    /// <summary>Subscription filter for every room's arbitration claims.</summary>
    public string AllArbitrationClaims => $"{Prefix}/arbitration/claim/+";

    /// <summary>Subscription filter for every satellite's retained status.</summary>
    public string AllSatelliteStatuses => $"{Prefix}/satellite/+/status";

    /// <summary>Announcement command (JSON: text, sound, rooms, chime, ask, id); only Home Assistant and servers publish it.</summary>
    public string Announce => $"{Prefix}/announce";

    /// <summary>The answers to "ask" announcements (JSON: id, room, transcript, answer), not retained.</summary>
    public string AnnounceAnswer => $"{Prefix}/announce/answer";

    /// <summary>Subscription filter for every room's notify command.</summary>
    public string AllRoomNotify => $"{Prefix}/room/+/notify";

    /// <summary>A room's notify command (plain text spoken in the room): the command topic of its Home Assistant notify entity.</summary>
    public string RoomNotify(string room) => $"{Prefix}/room/{CheckId(room, nameof(room))}/notify";

    /// <summary>A timer's state (JSON, retained while the timer exists).</summary>
    public string TimerState(string timerId) => $"{Prefix}/timer/{CheckId(timerId, nameof(timerId))}/state";

    /// <summary>A satellite's availability.</summary>
    public string SatelliteStatus(string satelliteId) => Satellite(satelliteId, "status");

    /// <summary>A satellite's mute state.</summary>
    public string SatelliteMute(string satelliteId) => Satellite(satelliteId, "mute");

    /// <summary>The command topic that mutes/unmutes a satellite.</summary>
    public string SatelliteMuteSet(string satelliteId) => Satellite(satelliteId, "mute/set");

    /// <summary>A satellite's state (LED state, mute, conversation).</summary>
    public string SatelliteState(string satelliteId) => Satellite(satelliteId, "state");

    /// <summary>Whether the conversation is in a satellite's room.</summary>
    public string SatelliteConversation(string satelliteId) => Satellite(satelliteId, "conversation");

    /// <summary>Arbitration claims for a room.</summary>
    public string ArbitrationClaim(string room) => $"{Prefix}/arbitration/claim/{CheckId(room, nameof(room))}";

    /// <summary>A Home Assistant discovery config topic: <c>{discovery}/{component}/{node}/{object}/config</c>.</summary>
    public string DiscoveryConfig(string component, string nodeId, string objectId) =>
        $"{DiscoveryPrefix}/{CheckDiscoveryId(component)}/{CheckDiscoveryId(nodeId)}/{CheckDiscoveryId(objectId)}/config";

    /// <summary>Parses a Jarvis topic; false for anything else (other prefixes, invalid ids, unknown levels).</summary>
    public bool TryParse(string? topic, out MqttTopic parsed)
    {
        parsed = default;
        if (topic is null || !topic.StartsWith(Prefix, StringComparison.Ordinal) || topic.Length <= Prefix.Length
            || topic[Prefix.Length] != '/')
        {
            return false;
        }

        var levels = topic[(Prefix.Length + 1)..].Split('/');
        MqttTopicKind? kind = levels switch
        {
            ["server", "status"] => MqttTopicKind.ServerStatus,
            ["conversation", "active"] => MqttTopicKind.ActiveConversation,
            ["arbitration", "claim", _] => MqttTopicKind.ArbitrationClaim,
            ["satellite", _, "status"] => MqttTopicKind.SatelliteStatus,
            ["satellite", _, "mute"] => MqttTopicKind.SatelliteMute,
            ["satellite", _, "mute", "set"] => MqttTopicKind.SatelliteMuteSet,
            ["satellite", _, "state"] => MqttTopicKind.SatelliteState,
            ["satellite", _, "conversation"] => MqttTopicKind.SatelliteConversation,
            ["announce"] => MqttTopicKind.Announce,
            ["announce", "answer"] => MqttTopicKind.AnnounceAnswer,
            ["room", _, "notify"] => MqttTopicKind.RoomNotify,
            ["timer", _, "state"] => MqttTopicKind.TimerState,
            _ => null,
        };
        if (kind is not { } found)
        {
            return false;
        }

        var id = found is MqttTopicKind.ServerStatus or MqttTopicKind.ActiveConversation or MqttTopicKind.Announce or MqttTopicKind.AnnounceAnswer ? null : levels[found == MqttTopicKind.ArbitrationClaim ? 2 : 1];
        if (id is not null && !LinkIds.IsValid(id))
        {
            return false;
        }

        parsed = new MqttTopic(found, id);
        return true;
    }

    private string Satellite(string satelliteId, string leaf) =>
        $"{Prefix}/satellite/{CheckId(satelliteId, nameof(satelliteId))}/{leaf}";

    private static string CheckId(string id, string name) =>
        LinkIds.IsValid(id) ? id : throw new ArgumentException($"'{id}' is not a valid id (1-64 of a-z 0-9 _ -).", name);

    private static string CheckDiscoveryId(string id) =>
        !string.IsNullOrEmpty(id) && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')
            ? id
            : throw new ArgumentException($"'{id}' is not a valid discovery component/node/object id ([a-zA-Z0-9_-]+).", nameof(id));

    private static string CheckPrefix(string prefix, string name)
    {
        var valid = !string.IsNullOrEmpty(prefix) && !prefix.StartsWith('/') && !prefix.EndsWith('/')
                    && !prefix.Contains("//", StringComparison.Ordinal) && prefix.IndexOfAny(['+', '#', '\0']) < 0;
        return valid ? prefix : throw new ArgumentException($"'{prefix}' is not a valid topic prefix (no wildcards, no leading or trailing '/').", name);
    }
}
