namespace Jarvis.Protocol.Mqtt.Discovery;

/// <summary>The <c>device</c> block that groups a satellite's entities into one Home Assistant device.</summary>
/// <param name="Identifiers">Stable ids of the device (<c>jarvis_{satellite id}</c>).</param>
/// <param name="Name">Device name shown in Home Assistant.</param>
/// <param name="Manufacturer">Shown on the device page.</param>
/// <param name="Model">Shown on the device page.</param>
/// <param name="SwVersion">The satellite's software version, when known.</param>
/// <param name="SuggestedArea">The area Home Assistant proposes (the room).</param>
public sealed record HaDevice(
    IReadOnlyList<string> Identifiers,
    string Name,
    string Manufacturer,
    string Model,
    string? SwVersion = null,
    string? SuggestedArea = null);
