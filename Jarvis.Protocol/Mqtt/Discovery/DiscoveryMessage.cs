namespace Jarvis.Protocol.Mqtt.Discovery;

/// <summary>A discovery config to publish retained (an empty retained payload on the same topic removes the entity).</summary>
/// <param name="Topic">The config topic.</param>
/// <param name="Payload">The JSON config.</param>
public sealed record DiscoveryMessage(string Topic, byte[] Payload);
