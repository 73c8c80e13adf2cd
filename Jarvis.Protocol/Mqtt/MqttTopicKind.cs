namespace Jarvis.Protocol.Mqtt;

/// <summary>The Jarvis topics (docs/mqtt-topics.md).</summary>
public enum MqttTopicKind
{
    /// <summary><c>{prefix}/server/status</c>: online/offline, retained, the server's last will.</summary>
    ServerStatus,

    /// <summary><c>{prefix}/satellite/{id}/status</c>: online/offline, retained.</summary>
    SatelliteStatus,

    /// <summary><c>{prefix}/satellite/{id}/mute</c>: ON/OFF, retained.</summary>
    SatelliteMute,

    /// <summary><c>{prefix}/satellite/{id}/mute/set</c>: ON/OFF command.</summary>
    SatelliteMuteSet,

    /// <summary><c>{prefix}/satellite/{id}/state</c>: JSON <see cref="SatelliteStateEvent"/>, retained.</summary>
    SatelliteState,

    /// <summary><c>{prefix}/satellite/{id}/conversation</c>: ON/OFF, retained.</summary>
    SatelliteConversation,

    /// <summary><c>{prefix}/conversation/active</c>: JSON <see cref="ActiveConversation"/>, retained.</summary>
    ActiveConversation,

    /// <summary><c>{prefix}/arbitration/claim/{room}</c>: JSON <see cref="ArbitrationClaim"/>, not retained.</summary>
    ArbitrationClaim,

    /// <summary><c>{prefix}/announce</c>: JSON announcement command, not retained (Home Assistant may publish it).</summary>
    Announce,

    /// <summary><c>{prefix}/announce/answer</c>: JSON answer to an "ask" announcement, not retained.</summary>
    AnnounceAnswer,

    /// <summary><c>{prefix}/room/{room}/notify</c>: plain text to speak in the room, not retained (Home Assistant may publish it).</summary>
    RoomNotify,

    /// <summary><c>{prefix}/timer/{id}/state</c>: JSON timer state, retained while the timer exists.</summary>
    TimerState,
}
