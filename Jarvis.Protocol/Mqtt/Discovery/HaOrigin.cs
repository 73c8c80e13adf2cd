namespace Jarvis.Protocol.Mqtt.Discovery;

/// <summary>The <c>origin</c> block: which application published the discovery payload.</summary>
/// <param name="Name">Application name.</param>
/// <param name="SwVersion">Application version, when known.</param>
/// <param name="SupportUrl">Where to get help, when known.</param>
public sealed record HaOrigin(string Name, string? SwVersion = null, string? SupportUrl = null);
