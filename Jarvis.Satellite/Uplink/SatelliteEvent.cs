using Jarvis.Protocol.Link.Messages;

namespace Jarvis.Satellite.Uplink;

/// <summary>Something the server must hear about (sent as a link control message).</summary>
/// <param name="Kind">What happened.</param>
/// <param name="TimestampUs">When, on the satellite's monotonic clock (µs).</param>
/// <param name="Score">VAD score for voice events.</param>
/// <param name="Muted">New mute state for <see cref="SatelliteEventKind.MuteChanged"/>.</param>
/// <param name="Source">Who changed the mute state.</param>
/// <param name="LevelDbfs">Speech level (dBFS, after echo cancellation) for voice events.</param>
public readonly record struct SatelliteEvent(
    SatelliteEventKind Kind, long TimestampUs, double Score = 0, bool Muted = false, MuteSource Source = MuteSource.Button,
    double? LevelDbfs = null);
