using System.ComponentModel;

namespace Jarvis.Server.PersonaPlex;

/// <summary>
/// One PersonaPlex server (<c>PersonaPlex:Endpoints[i]</c>). A plain string in the configuration is the <see cref="Url"/>
/// alone, so a list of URLs (the older form) stays valid.
/// </summary>
[TypeConverter(typeof(PersonaPlexEndpointOptionsConverter))]
public sealed class PersonaPlexEndpointOptions
{
    /// <summary>The model vLLM-Omni serves PersonaPlex as, unless <see cref="Model"/> says otherwise.</summary>
    public const string DefaultModel = "nvidia/personaplex-7b-v1";

    /// <summary>Sessions the shipped vLLM-Omni deploy admits per GPU (<c>duplex_session.max_sessions: 2</c>).</summary>
    public const int DefaultRealtimeCapacity = 2;

    /// <summary>
    /// WebSocket URL: <c>ws://gpu:8998/api/chat</c> (Moshi) or <c>ws://gpu:8000/v1/realtime</c> (Realtime), no query.
    /// </summary>
    public string Url { get; set; } = string.Empty;

    /// <summary>The server's protocol. When not set, a URL whose path ends in <c>/v1/realtime</c> is Realtime, any other Moshi.</summary>
    public PersonaPlexBackend? Kind { get; set; }

    /// <summary>Realtime: the served model name sent as <c>model=</c> (vLLM's <c>--served-model-name</c>).</summary>
    public string Model { get; set; } = DefaultModel;

    /// <summary>
    /// Conversations this endpoint serves at once: 1 for Moshi (its only value); for Realtime the server's
    /// <c>duplex_session.max_sessions</c> (default 2, the shipped deploy).
    /// </summary>
    public int? Capacity { get; set; }

    /// <summary>Realtime: the key vLLM was started with (<c>--api-key</c>), sent as <c>Authorization: Bearer</c>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Realtime: the model's window per session in 80 ms frames (the deploy's <c>max_model_len</c>, 3000 = 4 min).</summary>
    public int WindowFrames { get; set; } = 3000;

    /// <summary>
    /// Realtime: frames of the window the persona's prefill takes (voice prompt rows + 12 silence frames + persona tokens).
    /// The server does not say; the default is a generous estimate for the bundled voices and a persona of a few sentences.
    /// </summary>
    public int PrefillFrames { get; set; } = 300;

    /// <summary>The protocol in use: <see cref="Kind"/>, or the one the URL's path implies.</summary>
    public PersonaPlexBackend EffectiveKind => Kind ?? (LooksLikeRealtime(Url) ? PersonaPlexBackend.Realtime : PersonaPlexBackend.Moshi);

    /// <summary>Conversations this endpoint serves at once.</summary>
    public int EffectiveCapacity => Capacity ?? (EffectiveKind == PersonaPlexBackend.Realtime ? DefaultRealtimeCapacity : 1);

    /// <summary>An endpoint given by its URL alone (kind from the path, defaults for the rest).</summary>
    public static PersonaPlexEndpointOptions FromUrl(string url) => new() { Url = url };

    public static implicit operator PersonaPlexEndpointOptions(string url) => FromUrl(url);

    /// <summary>True when the URL's path ends in <c>/v1/realtime</c> (vLLM-Omni's route).</summary>
    public static bool LooksLikeRealtime(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.AbsolutePath.TrimEnd('/').EndsWith("/v1/realtime", StringComparison.Ordinal);

    public override string ToString() => Url;
}
