namespace Jarvis.Server.Status;

/// <summary>What each backend is for, what is lost without it, and its errors in plain words.</summary>
public static class BackendDescriptions
{
    private static readonly Dictionary<string, (string Label, string Without)> Known = new(StringComparer.Ordinal)
    {
        ["personaplex"] = ("PersonaPlex (the voice that talks back)", "no live conversation"),
        ["asr"] = ("Speech recognition (Wyoming faster-whisper)", "questions and home commands are not understood"),
        ["tts"] = ("Speech synthesis (Wyoming Piper)", "answers from Ollama and Home Assistant cannot be spoken"),
        ["wake"] = ("Wake word (Wyoming openWakeWord)", "rooms wake only with the satellite's button"),
        ["ollama"] = ("Ollama (deep questions)", "no answers to deep questions"),
        ["homeassistant"] = ("Home Assistant", "lights and devices cannot be controlled"),
        ["mqtt"] = ("MQTT broker", "Home Assistant does not see the satellites or their mute switches"),
    };

    public static string Label(string name) => Known.TryGetValue(name, out var known) ? known.Label : name;

    public static string Without(string name) => Known.TryGetValue(name, out var known) ? known.Without : "some features are off";

    /// <summary>True when nobody can answer: no PersonaPlex, and no spoken path through speech recognition and synthesis.</summary>
    public static bool NobodyCanAnswer(IReadOnlyDictionary<string, Health.BackendStatus> backends) =>
        Down(backends, "personaplex") && (Down(backends, "asr") || Down(backends, "tts"));

    /// <summary>A backend error in plain words (the detail keeps the address tried).</summary>
    public static string Plain(string detail) => detail switch
    {
        _ when Has(detail, "refused") => "nothing answers at that address (is it running, is the port right?)",
        _ when Has(detail, "No such host") || Has(detail, "Name or service not known") || Has(detail, "nodename nor servname")
            => "that host name is unknown (check the spelling, or use its IP address)",
        _ when Has(detail, "no answer within") || Has(detail, "timed out") || Has(detail, "timeout") => "no answer in time (is the machine on and reachable?)",
        _ when Has(detail, "401") || Has(detail, "403") || Has(detail, "rejected the token") || Has(detail, "Unauthorized") => "it refuses the token: check it in jarvis.json",
        _ when Has(detail, "not pulled") => "the model is not downloaded yet",
        _ when Has(detail, "not configured") || Has(detail, "not set") => "not set up",
        _ => detail,
    };

    private static bool Down(IReadOnlyDictionary<string, Health.BackendStatus> backends, string name) =>
        !backends.TryGetValue(name, out var status) || !status.Ready;

    private static bool Has(string text, string part) => text.Contains(part, StringComparison.OrdinalIgnoreCase);
}
