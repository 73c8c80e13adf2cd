namespace Jarvis.Protocol.Mqtt.Discovery;

/// <summary>What Home Assistant is told about a satellite.</summary>
/// <param name="SatelliteId">The satellite id (<see cref="Link.LinkIds"/>).</param>
/// <param name="Room">Its room id (becomes the suggested area).</param>
/// <param name="Model">Hardware model, e.g. "ReSpeaker 2-Mics HAT".</param>
/// <param name="SoftwareVersion">The satellite's software version, when known.</param>
public sealed record SatelliteDevice(string SatelliteId, string Room, string Model = "Jarvis satellite", string? SoftwareVersion = null);
