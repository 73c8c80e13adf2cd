namespace Jarvis.Server.Rooms;

/// <summary>One running conversation: the PersonaPlex slot it uses, the room that owns it, and follow-me tracking.</summary>
internal sealed class Conversation(int slot, string room, DateTimeOffset now)
{
    public int Slot { get; } = slot;

    public string Room { get; set; } = room;

    public DateTimeOffset StartedAt { get; } = now;

    public DateTimeOffset LastActivity { get; private set; } = now;

    /// <summary>Room that currently hears the speaker clearly better, and since when.</summary>
    public string? Challenger { get; private set; }

    public DateTimeOffset ChallengerSince { get; private set; }

    public void Touch(DateTimeOffset now) => LastActivity = now;

    public void Challenge(string? room, DateTimeOffset now)
    {
        if (room != Challenger)
        {
            Challenger = room;
            ChallengerSince = now;
        }
    }
}
