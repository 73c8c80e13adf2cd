using System.ComponentModel.DataAnnotations;

namespace Jarvis.Server.Conversation;

/// <summary><c>Conversation</c> section, utterance bounds of the turn-taking that runs beside (or instead of) PersonaPlex.</summary>
public sealed class ConversationTurnOptions
{
    public const string Section = "Conversation";

    /// <summary>An utterance ends this long after its last packet when the satellite sends no voice-activity stop.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:10")]
    public TimeSpan EndOfTurnTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest utterance sent to speech recognition; a longer one is cut into turns of this length.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:02:00")]
    public TimeSpan MaxUtterance { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Audio kept from before the voice-activity start (the VAD fires after the first syllable).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:01")]
    public TimeSpan PreRoll { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>
    /// Silence after at least 200 ms of speech at which what was said is transcribed ahead of the satellite's voice stop (its
    /// 800 ms hangover); when it is a complete home command ("turn off the kitchen lights") it is carried out at once.
    /// Anything else (a question for the assistant, an answer to an offer, a sentence cut by a breath) waits for the end as
    /// before. 0 turns it off.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:02")]
    public TimeSpan CommandPause { get; set; } = TimeSpan.FromMilliseconds(300);
}
