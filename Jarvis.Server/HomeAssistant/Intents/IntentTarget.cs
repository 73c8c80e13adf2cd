namespace Jarvis.Server.HomeAssistant.Intents;

/// <summary>
/// What a command is about: named entities, or every device of a domain/device class in an area, a floor or the
/// whole home. <see cref="FromSpeakerRoom"/> marks an area that came from the satellite's room rather than the words.
/// </summary>
public sealed record IntentTarget
{
    public static IntentTarget None { get; } = new();

    /// <summary>Entities named in the sentence (several when a name is shared and could not be narrowed).</summary>
    public IReadOnlyList<string> EntityIds { get; init; } = [];

    /// <summary>Display name of the named entity.</summary>
    public string? Name { get; init; }

    public string? AreaId { get; init; }

    public string? FloorId { get; init; }

    public string? Domain { get; init; }

    public string? DeviceClass { get; init; }

    public bool FromSpeakerRoom { get; init; }

    /// <summary>"it", "them", "that": the previous command's targets.</summary>
    public bool IsPronoun { get; init; }

    public bool IsNamed => EntityIds.Count > 0;

    /// <summary>True when the words said nothing about what or where (follow-ups fill it from the context).</summary>
    public bool IsUnspecified => !IsNamed && Domain is null && FloorId is null && (AreaId is null || FromSpeakerRoom);
}
