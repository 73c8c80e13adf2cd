namespace Jarvis.Protocol.Link.Messages;

/// <summary>Either way; the receiver answers at once with a <see cref="PongMessage"/> (see <see cref="ClockSync"/>).</summary>
/// <param name="T0">The sender's clock when sending, µs.</param>
public sealed record PingMessage(long T0) : LinkMessage
{
    internal override string? Validate() => T0 < 0 ? "ping.t0 must not be negative" : null;
}
