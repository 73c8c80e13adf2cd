namespace Jarvis.Protocol.Link.Internal;

/// <summary>Which sides may send a message type.</summary>
[Flags]
internal enum LinkSenders
{
    Satellite = 1,
    Server = 2,
}
