namespace Jarvis.Protocol.Link.Messages;

/// <summary>
/// Server → satellite (type <c>stream</c>): the downlink audio from the next packet on is of this kind, until another
/// <c>stream</c> message. Sent only when the kind changes; a satellite that never received one keeps its previous
/// behaviour (older servers).
/// </summary>
/// <param name="Kind">Real-time (held at the jitter-buffer target) or burst (played whole).</param>
public sealed record StreamMessage(StreamKind Kind) : LinkMessage
{
    internal override string? Validate() =>
        Enum.IsDefined(Kind) ? null : "stream.kind must be real_time or burst";
}
