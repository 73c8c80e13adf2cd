namespace Jarvis.Server.Tests.Soak;

/// <summary>One scripted household event and what became of it.</summary>
internal sealed record SoakAttempt(string Scene, string Room, long StartedAt)
{
    public long EndedAt { get; set; }

    /// <summary>Null when completed; otherwise why the conversation was dropped.</summary>
    public string? DroppedBecause { get; set; }

    /// <summary>Ended without a reason to drop it (an event still running is not completed).</summary>
    public bool Completed => EndedAt != 0 && DroppedBecause is null;

    /// <summary>The fault kinds injected (or not yet recovered) while the attempt ran; empty outside faults.</summary>
    public HashSet<string> Faults { get; } = [];

    /// <summary>For home commands: the server reported the command done (the Home Assistant call must then be in its log once).</summary>
    public bool HomeDone { get; set; }

    public string? Probe { get; init; }
}
