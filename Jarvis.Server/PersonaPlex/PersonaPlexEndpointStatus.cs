namespace Jarvis.Server.PersonaPlex;

/// <summary>Snapshot of one endpoint: state, the room using it, the current session's audio clock and lifetime counters.</summary>
/// <param name="Endpoint">WebSocket URL (without prompts).</param>
/// <param name="State">Current state.</param>
/// <param name="RoomId">Room holding the endpoint, if any.</param>
/// <param name="SentSeconds">Audio seconds sent on the current session (room audio and silence).</param>
/// <param name="ReceivedSeconds">Audio seconds received on the current session.</param>
/// <param name="DriftSeconds">Sent minus received: how far PersonaPlex is behind.</param>
/// <param name="Sessions">Sessions opened (handshake received).</param>
/// <param name="Reconnects">Sessions replaced after a failure, a drop or drift.</param>
/// <param name="Rotations">Idle sessions replaced before the persona faded.</param>
/// <param name="DriftResets">Sessions replaced because PersonaPlex fell behind.</param>
/// <param name="BusyRefusals">Attempts that got no handshake in time (server busy).</param>
/// <param name="LastError">Last failure, in words.</param>
/// <param name="LastHandshakeSeconds">Upgrade-to-handshake time of the last session.</param>
public sealed record PersonaPlexEndpointStatus(
    Uri Endpoint,
    PersonaPlexState State,
    string? RoomId,
    double SentSeconds,
    double ReceivedSeconds,
    double DriftSeconds,
    long Sessions,
    long Reconnects,
    long Rotations,
    long DriftResets,
    long BusyRefusals,
    string? LastError,
    double? LastHandshakeSeconds)
{
    /// <summary>Room packets dropped because they ran ahead of the session's real-time clock (a burst from the room).</summary>
    public long TrimmedPackets { get; init; }

    /// <summary>Room packets dropped because no session was ready (prompt phase, reconnect, on-demand start): never sent late.</summary>
    public long DroppedNotReadyPackets { get; init; }
}
