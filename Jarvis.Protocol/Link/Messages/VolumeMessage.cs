namespace Jarvis.Protocol.Link.Messages;

/// <summary>Server → satellite, playback volume.</summary>
/// <param name="Level">0 (silent) to 1 (full), linear gain.</param>
public sealed record VolumeMessage(double Level) : LinkMessage
{
    internal override string? Validate() => LinkValidation.IsUnitInterval(Level) ? null : "volume.level must be 0 to 1";
}
