using System.Text.Json.Serialization;

namespace Jarvis.Server.Announcements;

/// <summary>
/// What an automation asks the house to say: a text (spoken by the TTS) or a sound, in some rooms (none = every room), with
/// an optional chime first. <see cref="Ask"/> opens a conversation in the (single) room afterwards and reports the answer.
/// The same JSON comes by MQTT (<c>{prefix}/announce</c>) and HTTP (<c>POST /api/announce</c>).
/// </summary>
public sealed record AnnouncementRequest
{
    public string? Text { get; init; }

    /// <summary>A built-in sound instead of (or after the chime, before) the text: <c>chime</c> or <c>ring</c>.</summary>
    public string? Sound { get; init; }

    /// <summary>Target rooms; null or empty = every room with a connected satellite.</summary>
    public IReadOnlyList<string>? Rooms { get; init; }

    /// <summary>Play the chime before the text (default true).</summary>
    public bool Chime { get; init; } = true;

    /// <summary>Ask a question: open a conversation in the room afterwards and publish the user's answer.</summary>
    public bool Ask { get; init; }

    /// <summary>The automation's id for the answer (generated when missing).</summary>
    public string? Id { get; init; }

    /// <summary>Null when the request can be carried out, else what to fix.</summary>
    public string? Problem() =>
        string.IsNullOrWhiteSpace(Text) && Sound is null ? "send \"text\" or \"sound\""
        : Text is { Length: > 1000 } ? "\"text\" is longer than 1000 characters"
        : Sound is not (null or "chime" or "ring") ? "\"sound\" must be \"chime\" or \"ring\""
        : Ask && string.IsNullOrWhiteSpace(Text) ? "an \"ask\" announcement needs the question as \"text\""
        : Ask && Rooms is not { Count: 1 } ? "an \"ask\" announcement goes to exactly one room (\"rooms\": [\"kitchen\"])"
        : null;
}

/// <summary>What an announcement did: the rooms it played in, and for an ask the user's answer.</summary>
public sealed record AnnouncementResult(string Id, IReadOnlyList<string> Rooms)
{
    public string? Error { get; init; }

    /// <summary>For an ask: what the user said (null when nobody answered in time).</summary>
    public string? Transcript { get; init; }

    /// <summary>For an ask: "yes", "no", or null when the answer was neither.</summary>
    [JsonPropertyName("answer")]
    public string? YesNo { get; init; }
}
