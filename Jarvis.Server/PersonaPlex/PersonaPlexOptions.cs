namespace Jarvis.Server.PersonaPlex;

/// <summary>Configuration section <c>PersonaPlex</c>.</summary>
public sealed class PersonaPlexOptions
{
    public const string Section = "PersonaPlex";

    public const string JarvisPersona =
        "You are Jarvis, a helpful home assistant. You control smart home devices and answer questions. Be concise and friendly.";

    /// <summary>WebSocket URL of the PersonaPlex server (<c>ws://</c> or <c>wss://</c>); used when <see cref="Endpoints"/> is empty.</summary>
    public string Url { get; set; } = "ws://localhost:8998/api/chat";

    /// <summary>
    /// Several PersonaPlex servers (one GPU each), each a URL or an object with <c>Url</c>, <c>Kind</c> (Moshi or
    /// Realtime) and, for Realtime, <c>Capacity</c>: as many rooms can converse at once as the capacities add up to.
    /// </summary>
    public List<PersonaPlexEndpointOptions> Endpoints { get; set; } = [];

    /// <summary>Text prompt (persona). Must not be empty: PersonaPlex kills the session on an empty prompt.</summary>
    public string TextPrompt { get; set; } = JarvisPersona;

    /// <summary>Voice prompt file name on the PersonaPlex server (NATF0..3, NATM0..3, VARF0..4, VARM0..4 with <c>.pt</c>).</summary>
    public string Voice { get; set; } = "NATF2.pt";

    public PersonaPlexMode Mode { get; set; } = PersonaPlexMode.Warm;

    /// <summary>An idle warm session is replaced after this long, before the persona falls out of the 3000-step context.</summary>
    public TimeSpan RotateAfter { get; set; } = TimeSpan.FromMinutes(3.5);

    /// <summary>
    /// An idle session due for rotation or a persona change is replaced only once the house has been quiet this long (no
    /// conversation, no voice in any room), and one Moshi endpoint at a time, so that a room never starts on a session in its
    /// prompt phase when it could be avoided. Zero: as soon as no conversation runs and nobody speaks.
    /// </summary>
    public TimeSpan RotateQuietWait { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Longest wait from the WebSocket upgrade to the 0x00 handshake (queue + prompt phase) before reporting "busy".</summary>
    public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Audio seconds sent minus seconds received above which the server is considered behind and the session is replaced.</summary>
    public TimeSpan MaxDrift { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan ReconnectBackoffInitial { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectBackoffMax { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// While backing off, the endpoint's TCP port is probed this often (connect, close, nothing sent) and the reconnect starts as
    /// soon as a port that was closed accepts again. Zero: no probe, every back-off is waited out.
    /// </summary>
    public TimeSpan ReconnectProbeInterval { get; set; } = Reconnect.ReconnectProbeInterval.Default;

    /// <summary>Accept any TLS certificate (PersonaPlex's <c>--ssl</c> makes mkcert certificates). Only for a trusted LAN.</summary>
    public bool AcceptAnyServerCertificate { get; set; }

    /// <summary>The endpoints in use: <see cref="Endpoints"/>, or <see cref="Url"/> alone.</summary>
    public IReadOnlyList<PersonaPlexEndpointOptions> EffectiveEndpointOptions =>
        Endpoints.Count > 0 ? Endpoints : [PersonaPlexEndpointOptions.FromUrl(Url)];

    /// <summary>The URLs of the endpoints in use.</summary>
    public IReadOnlyList<Uri> EffectiveEndpoints => EffectiveEndpointOptions.Select(e => new Uri(e.Url, UriKind.Absolute)).ToArray();

    /// <summary>Conversations the endpoints serve at once (the sum of their capacities): the default conversation slots.</summary>
    public int TotalCapacity => EffectiveEndpointOptions.Sum(e => e.EffectiveCapacity);
}
