namespace Jarvis.Protocol.Link;

/// <summary>The side of the link a reader or writer sits on.</summary>
public enum LinkPeer
{
    /// <summary>The Raspberry Pi room device.</summary>
    Satellite,

    /// <summary>The Jarvis server.</summary>
    Server,
}
