namespace Jarvis.Protocol.Link.Messages;

/// <summary>Either way, a problem the other side should know about (the link stays open).</summary>
/// <param name="Code">A snake_case code, e.g. <c>audio_device_failed</c>, <c>backend_unavailable</c> (docs/link-protocol.md).</param>
/// <param name="Message">What happened, for logs.</param>
public sealed record ErrorMessage(string Code, string Message) : LinkMessage
{
    internal override string? Validate() =>
        LinkIds.IsValid(Code) && LinkValidation.IsText(Message, 1024)
            ? null
            : "error.code must be 1-64 of a-z 0-9 _ - and error.message 1-1024 printable characters";
}
