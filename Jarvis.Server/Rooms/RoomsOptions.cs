using System.ComponentModel.DataAnnotations;

namespace Jarvis.Server.Rooms;

/// <summary>Conversation ownership, arbitration and follow-me settings (configuration section <c>Rooms</c>).</summary>
public sealed class RoomsOptions
{
    public const string Section = "Rooms";

    /// <summary>Wake candidates arriving within this window are compared by score; the best room wins.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:05")]
    public TimeSpan ArbitrationWindow { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>A conversation ends after this long without the user speaking in its room.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan QuietPeriod { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Follow me: another room must hear the speaker better by at least this score margin (scores are 0..1)...</summary>
    [Range(0.01, 1.0)]
    public double FollowMeMargin { get; set; } = 0.15;

    /// <summary>... continuously for this long before the conversation moves there.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan FollowMeSustain { get; set; } = TimeSpan.FromSeconds(1.5);

    /// <summary>A room that won arbitration while every PersonaPlex endpoint is busy waits at most this long for one.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan WaitForEndpoint { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Conversations that can run at once: one per PersonaPlex endpoint.</summary>
    [Range(1, 64)]
    public int ConversationSlots { get; set; } = 1;
}
