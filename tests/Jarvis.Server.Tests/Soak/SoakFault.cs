namespace Jarvis.Server.Tests.Soak;

/// <summary>One injected fault: when it began, when the broken part was back, when the server saw it back.</summary>
internal sealed record SoakFault(string Id, string Kind, string Detail, long InjectedAt)
{
    public long RestoredAt { get; set; }

    /// <summary>When the server showed the part usable again (its readiness, the satellite welcomed), or null if never.</summary>
    public long? ReadyAt { get; set; }

    /// <summary>The household scene that shows the system works again after this fault (null: readiness alone).</summary>
    public string? ProbeScene { get; init; }

    public bool Ended { get; set; }
}
