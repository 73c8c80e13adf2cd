using Jarvis.Protocol.Link.Messages;

namespace Jarvis.Protocol.Mqtt;

/// <summary>The retained payload of <c>{prefix}/satellite/{id}/state</c>, republished on every change.</summary>
/// <param name="SatelliteId">The satellite.</param>
/// <param name="Room">Its room id.</param>
/// <param name="Led">What its LEDs show (the Home Assistant status sensor shows this).</param>
/// <param name="Muted">Whether its microphone is muted.</param>
/// <param name="ConversationActive">Whether the conversation is in its room.</param>
/// <param name="Timestamp">When this state began.</param>
/// <param name="MutedBy">While muted, who muted it (<c>button</c>: a privacy mute that only the button lifts); omitted otherwise.</param>
public sealed record SatelliteStateEvent(
    string SatelliteId,
    string Room,
    LedState Led,
    bool Muted,
    bool ConversationActive,
    DateTimeOffset Timestamp,
    MuteSource? MutedBy = null);
