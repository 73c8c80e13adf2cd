using Jarvis.Protocol.Link;

namespace Jarvis.Satellite.Link;

/// <summary>One complete message received from the server.</summary>
public readonly record struct LinkInbound(LinkFrameType Type, byte[] Data);
