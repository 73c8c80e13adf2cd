using Jarvis.Server.HomeAssistant.Intents;

namespace Jarvis.Server.HomeAssistant.Conversation;

/// <summary>What one room's conversation refers back to: the last command and its devices, an open offer or question.</summary>
internal sealed class RoomContext(string? areaId)
{
    /// <summary>The satellite's area (null when the room name is unknown to Home Assistant).</summary>
    public string? AreaId { get; } = areaId;

    public SemaphoreSlim Gate { get; } = new(1, 1);

    public IntentMatch? LastMatch { get; set; }

    public IReadOnlyList<string> LastTargets { get; set; } = [];

    public DateTimeOffset LastAt { get; set; }

    /// <summary>"Want me to turn on some lights?": the command a yes (optionally with a place) will run.</summary>
    public IntentMatch? PendingOffer { get; set; }

    /// <summary>"Which one?": the command waiting for the user to pick among <see cref="PendingChoices"/>.</summary>
    public IntentMatch? PendingChoice { get; set; }

    public IReadOnlyList<string> PendingChoices { get; set; } = [];
}
