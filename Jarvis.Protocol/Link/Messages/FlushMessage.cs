namespace Jarvis.Protocol.Link.Messages;

/// <summary>Server → satellite, drop all queued playback now (barge-in, handoff, end of conversation).</summary>
/// <param name="Reason">Why, for logs.</param>
public sealed record FlushMessage(FlushReason Reason) : LinkMessage;
