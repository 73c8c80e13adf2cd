namespace Jarvis.Protocol.Link.Messages;

/// <summary>Server → satellite, the answer to a refused hello; the server then closes (4004 or 4001).</summary>
/// <param name="Reason">Why, as a code.</param>
/// <param name="Message">What to fix, for the satellite's log.</param>
public sealed record RejectMessage(RejectReason Reason, string Message) : LinkMessage
{
    internal override string? Validate() =>
        LinkValidation.IsText(Message, 1024) ? null : "reject.message must be 1-1024 printable characters";
}
