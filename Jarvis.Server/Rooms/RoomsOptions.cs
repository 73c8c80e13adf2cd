using System.ComponentModel.DataAnnotations;

namespace Jarvis.Server.Rooms;

/// <summary>Conversation ownership, arbitration and follow-me settings (configuration section <c>Rooms</c>).</summary>
public sealed class RoomsOptions
{
    public const string Section = "Rooms";

    /// <summary>Wake candidates arriving within this window are compared by score; the best room wins.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:05")]
    public TimeSpan ArbitrationWindow { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// A conversation ends after this long without the user speaking in its room, counted from the end of what was last
    /// played to the user (an answer is never cut, and the user has the whole period to reply).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan QuietPeriod { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Follow me: another room must hear the speaker louder by at least this many dB (both satellites measure the speech
    /// level)...
    /// </summary>
    [Range(1.0, 40.0)]
    public double FollowMeMarginDb { get; set; } = 6;

    /// <summary>... or, when a room has no level (an older satellite), better by this VAD score margin (scores are 0..1)...</summary>
    [Range(0.01, 1.0)]
    public double FollowMeMargin { get; set; } = 0.15;

    /// <summary>... continuously for this long before the conversation moves there.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan FollowMeSustain { get; set; } = TimeSpan.FromSeconds(1.5);

    /// <summary>
    /// A wake heard in another room within this time after a conversation was woken is the same wake heard late (a slow
    /// wake-word stream, an echo through an open door): it never starts or queues a second conversation; if the speaker is
    /// really there, follow-me moves the conversation. A long press is never a duplicate.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:30")]
    public TimeSpan DuplicateWakeWindow { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>A room that won arbitration while every PersonaPlex endpoint is busy waits at most this long for one.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan WaitForEndpoint { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>What starts a conversation besides a long press: the Wyoming wake-word service, or any speech (<c>Vad</c>).</summary>
    public WakeMode WakeMode { get; set; } = WakeMode.WakeWord;

    /// <summary>Conversations that can run at once; defaults to one per PersonaPlex endpoint.</summary>
    [Range(1, 64)]
    public int? ConversationSlots { get; set; }

    /// <summary>The conversation slots in use.</summary>
    public int Slots => ConversationSlots ?? 1;
}
