using System.Collections.Frozen;

namespace Jarvis.Protocol.Link.Internal;

/// <summary>The known control message types and which side may send each (docs/link-protocol.md, "Control messages").</summary>
internal static class LinkMessageTypes
{
    private const LinkSenders FromSatellite = LinkSenders.Satellite;
    private const LinkSenders FromServer = LinkSenders.Server;
    private const LinkSenders Both = LinkSenders.Satellite | LinkSenders.Server;

    public static readonly FrozenDictionary<string, LinkSenders> Senders = new Dictionary<string, LinkSenders>
    {
        ["hello"] = FromSatellite,
        ["welcome"] = FromServer,
        ["reject"] = FromServer,
        ["pending"] = FromServer,
        ["mute"] = Both,
        ["button"] = FromSatellite,
        ["voice_activity"] = FromSatellite,
        ["voice_level"] = FromSatellite,
        ["led"] = FromServer,
        ["conversation"] = FromServer,
        ["flush"] = FromServer,
        ["stream"] = FromServer,
        ["volume"] = FromServer,
        ["ping"] = Both,
        ["pong"] = Both,
        ["stats"] = FromSatellite,
        ["error"] = Both,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>True when a message of this type may travel from <paramref name="sender"/>.</summary>
    public static bool MaySend(LinkSenders allowed, LinkPeer sender) =>
        allowed.HasFlag(sender == LinkPeer.Satellite ? LinkSenders.Satellite : LinkSenders.Server);
}
