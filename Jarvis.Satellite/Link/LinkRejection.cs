using Jarvis.Protocol.Link;
using Jarvis.Protocol.Link.Messages;

namespace Jarvis.Satellite.Link;

/// <summary>Closes that need a person (wrong token/unknown satellite 4004, other protocol version 4001): retried slowly.</summary>
internal static class LinkRejection
{
    public static void ThrowIfFinal(LinkCloseInfo? close)
    {
        switch (close?.Code)
        {
            case LinkCloseCodes.AuthenticationFailed:
                throw new LinkRejectedException(RejectReason.BadToken, close.Reason is { Length: > 0 } r ? r : "authentication failed");
            case LinkCloseCodes.UnsupportedVersion:
                throw new LinkRejectedException(RejectReason.UnsupportedVersion,
                    (close.Reason is { Length: > 0 } v ? v : "unsupported protocol version") + " (update the satellite or the server)");
        }
    }
}
