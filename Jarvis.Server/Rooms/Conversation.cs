namespace Jarvis.Server.Rooms;

/// <summary>One running conversation: the PersonaPlex slot it uses, the room that owns it, and follow-me tracking.</summary>
internal sealed class Conversation(int slot, string room, DateTimeOffset now)
{
    public int Slot { get; } = slot;

    public string Room { get; set; } = room;

    public DateTimeOffset StartedAt { get; } = now;

    /// <summary>The last time the user spoke in the room or was spoken to (when what was played to them ends).</summary>
    public DateTimeOffset LastActivity { get; private set; } = now;

    /// <summary>When the wake that started (or last re-woke) this conversation was heard.</summary>
    public DateTimeOffset WokenAt { get; private set; } = now;

    /// <summary>Room that currently hears the speaker clearly better, and since when.</summary>
    public string? Challenger { get; private set; }

    public DateTimeOffset ChallengerSince { get; private set; }

    /// <summary>Activity at <paramref name="at"/>; never moves the last activity back.</summary>
    public void Touch(DateTimeOffset at)
    {
        if (at > LastActivity)
        {
            LastActivity = at;
        }
    }

    public void Woken(DateTimeOffset at)
    {
        WokenAt = at;
        Touch(at);
    }

    public void Challenge(string? room, DateTimeOffset now)
    {
        if (room != Challenger)
        {
            Challenger = room;
            ChallengerSince = now;
        }
    }
}
