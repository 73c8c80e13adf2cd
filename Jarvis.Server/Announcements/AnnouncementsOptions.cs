namespace Jarvis.Server.Announcements;

/// <summary><c>Announcements</c> section.</summary>
public sealed class AnnouncementsOptions
{
    public const string Section = "Announcements";

    /// <summary>In a room that owns a conversation: wait for a pause in the user's speech (<see cref="DuringConversation.Wait"/>, default) or cut in at once.</summary>
    public DuringConversation DuringConversation { get; set; } = DuringConversation.Wait;

    /// <summary>How long an announcement waits for a pause before it cuts in anyway.</summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an ask waits for the user's answer.</summary>
    public TimeSpan AskTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>What an announcement does in a room whose conversation is going on.</summary>
public enum DuringConversation
{
    /// <summary>Wait until the user is not speaking (at most <see cref="AnnouncementsOptions.MaxWait"/>), then cut the model's audio.</summary>
    Wait,

    /// <summary>Cut the model's audio at once (it is given back after the announcement).</summary>
    Cut,
}
