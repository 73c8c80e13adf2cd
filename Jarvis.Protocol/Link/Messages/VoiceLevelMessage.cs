namespace Jarvis.Protocol.Link.Messages;

/// <summary>
/// Satellite → server (type <c>voice_level</c>), sent periodically between a voice_activity start and its stop: the
/// speech level over the last stretch of voiced audio, after echo cancellation. Servers that do not know it ignore it.
/// </summary>
/// <param name="LevelDbfs">Speech level in dBFS (-200..0).</param>
/// <param name="TimestampUs">When it was measured, on the satellite's monotonic clock (µs).</param>
public sealed record VoiceLevelMessage(double LevelDbfs, long TimestampUs) : LinkMessage
{
    internal override string? Validate()
    {
        if (!LinkValidation.IsLevelDbfs(LevelDbfs))
        {
            return "voice_level.level_dbfs must be -200 to 0";
        }

        return TimestampUs < 0 ? "voice_level.timestamp_us must not be negative" : null;
    }
}
