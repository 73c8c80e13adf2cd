namespace Jarvis.Server.PersonaPlex;

/// <summary>Which server speaks PersonaPlex at an endpoint (configuration key <c>PersonaPlex:Endpoints[i]:Kind</c>).</summary>
public enum PersonaPlexBackend
{
    /// <summary>NVIDIA's own server (<c>python -m moshi.server</c>, <c>/api/chat</c>, Ogg Opus): one session at a time.</summary>
    Moshi,

    /// <summary>vLLM-Omni (<c>/v1/realtime?duplex=1</c>, JSON events, PCM): several sessions per GPU.</summary>
    Realtime,
}
