namespace Jarvis.Protocol.Link.Messages;

/// <summary>Satellite → server, speech started or stopped; the server uses the score to pick the room.</summary>
/// <param name="State">Start or stop.</param>
/// <param name="Score">VAD confidence 0..1 (for stop: the mean over the utterance).</param>
/// <param name="TimestampUs">When speech started/stopped, on the satellite's monotonic clock (µs).</param>
/// <param name="LevelDbfs">
/// Speech level in dBFS after echo cancellation (≤ 0), when known: for start, over the voice onset; for stop, over the
/// utterance. The server compares rooms by it (docs/hub.md); without it, by <paramref name="Score"/>.
/// </param>
public sealed record VoiceActivityMessage(VoiceActivityState State, double Score, long TimestampUs, double? LevelDbfs = null)
    : LinkMessage
{
    internal override string? Validate()
    {
        if (!LinkValidation.IsUnitInterval(Score))
        {
            return "voice_activity.score must be 0 to 1";
        }

        if (TimestampUs < 0)
        {
            return "voice_activity.timestamp_us must not be negative";
        }

        return LevelDbfs is { } level && !LinkValidation.IsLevelDbfs(level)
            ? "voice_activity.level_dbfs must be -200 to 0"
            : null;
    }
}
