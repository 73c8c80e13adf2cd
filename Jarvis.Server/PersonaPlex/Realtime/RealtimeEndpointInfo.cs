namespace Jarvis.Server.PersonaPlex.Realtime;

/// <summary>The fixed facts about one Realtime endpoint that its sessions need.</summary>
/// <param name="Url">The configured URL (no query).</param>
/// <param name="ConfigKey">Where it is configured (<c>PersonaPlex:Endpoints:1</c> or <c>PersonaPlex:Url</c>), for messages.</param>
/// <param name="Options">Its options.</param>
internal sealed record RealtimeEndpointInfo(Uri Url, string ConfigKey, PersonaPlexEndpointOptions Options);
