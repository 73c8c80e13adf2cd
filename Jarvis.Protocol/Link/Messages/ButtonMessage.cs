namespace Jarvis.Protocol.Link.Messages;

/// <summary>Satellite → server, a classified button press.</summary>
/// <param name="Press">Short, long or double.</param>
/// <param name="TimestampUs">When it was released, on the satellite's monotonic clock (µs).</param>
public sealed record ButtonMessage(ButtonPress Press, long TimestampUs) : LinkMessage
{
    internal override string? Validate() => TimestampUs < 0 ? "button.timestamp_us must not be negative" : null;
}
