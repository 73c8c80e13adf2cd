namespace Jarvis.Satellite.Uplink;

/// <summary>Something the server must hear about (sent as a link control message).</summary>
public readonly record struct SatelliteEvent(SatelliteEventKind Kind, double Score = 0, bool Muted = false);
