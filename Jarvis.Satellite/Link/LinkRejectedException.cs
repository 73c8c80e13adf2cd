using Jarvis.Protocol.Link.Messages;

namespace Jarvis.Satellite.Link;

/// <summary>The server refused the hello: retrying at once will not help until the configuration is fixed.</summary>
public sealed class LinkRejectedException(RejectReason reason, string message) : Exception(message)
{
    public RejectReason Reason { get; } = reason;
}
