namespace Jarvis.Protocol.Link.Messages;

/// <summary>
/// Server → satellite, whether a conversation is active in this satellite's room. While active the satellite streams
/// microphone audio continuously (not only on voice) and plays what it receives.
/// </summary>
/// <param name="Active">True while the conversation is in this room.</param>
/// <param name="ConversationId">The conversation's id, for logs.</param>
public sealed record ConversationMessage(bool Active, string? ConversationId = null) : LinkMessage
{
    internal override string? Validate() =>
        LinkValidation.IsOptionalText(ConversationId, 128) ? null : "conversation.conversation_id must be 1-128 printable characters";
}
