namespace Jarvis.Protocol.Link.Messages;

/// <summary>
/// Both ways: from the satellite, a report of its mute state (after hello and on every change); from the server, a
/// command to set it. A muted satellite drops microphone audio at the source.
/// </summary>
/// <param name="Muted">True when the microphone is muted.</param>
/// <param name="Source">Who changed it.</param>
public sealed record MuteMessage(bool Muted, MuteSource Source) : LinkMessage;
