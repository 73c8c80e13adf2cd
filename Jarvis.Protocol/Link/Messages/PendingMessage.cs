namespace Jarvis.Protocol.Link.Messages;

/// <summary>
/// Server → satellite, the answer to the hello of a satellite that is not enrolled yet: the server keeps the link open and
/// sends <c>welcome</c> on it once the owner approves, or <c>reject</c> + close 4004 when the owner rejects it. Repeated
/// every <paramref name="KeepaliveMs"/> while the satellite waits. Peers older than this message ignore it (unknown type)
/// and reconnect after their handshake timeout; they are admitted on the next connection after approval.
/// </summary>
/// <param name="Message">What the owner has to do, for the satellite's log.</param>
/// <param name="PairingCode">A short code derived from the satellite's token, shown beside the request on the status page.</param>
/// <param name="KeepaliveMs">The interval of the repeated <c>pending</c>; the satellite gives up after three without one.</param>
public sealed record PendingMessage(string Message, string PairingCode, int KeepaliveMs) : LinkMessage
{
    internal override string? Validate() =>
        LinkValidation.IsText(Message, 1024) && LinkValidation.IsText(PairingCode, 32) && KeepaliveMs is >= 100 and <= 600_000
            ? null
            : "pending.message must be 1-1024 and pending.pairing_code 1-32 printable characters, pending.keepalive_ms 100-600000";
}
