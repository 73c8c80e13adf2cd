using Jarvis.Protocol.Link;
using Jarvis.Protocol.Link.Messages;

namespace Jarvis.Satellite.Link;

/// <summary>
/// hello → welcome, or reject / close / timeout as exceptions the supervisor classifies. A satellite that is not enrolled
/// yet gets <c>pending</c> (repeated) and waits on the same link for the owner's decision.
/// </summary>
internal static class LinkHandshake
{
    public static async Task<WelcomeMessage> RunAsync(
        ILinkTransport transport, HelloMessage hello, LinkMessageReader reader, TimeSpan timeout, TimeProvider time,
        Action<PendingMessage> onPending, CancellationToken cancellationToken)
    {
        await transport.SendAsync(LinkMessageWriter.ToUtf8(hello), LinkFrameType.Text, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            LinkInbound inbound;
            try
            {
                inbound = await transport.Inbound.ReadAsync(cancellationToken).AsTask()
                    .WaitAsync(timeout, time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                throw new LinkProtocolException($"no welcome within {timeout.TotalSeconds:0.#} s", LinkCloseCodes.HandshakeTimeout);
            }
            catch (System.Threading.Channels.ChannelClosedException)
            {
                var close = transport.CloseInfo;
                LinkRejection.ThrowIfFinal(close);

                throw new LinkProtocolException($"the server closed the link during the handshake ({close?.Code} {close?.Reason})", close?.Code ?? 0);
            }

            var result = reader.Read(inbound.Type, inbound.Data);
            switch (result.Kind)
            {
                case LinkReadKind.Control when result.Message is WelcomeMessage welcome:
                    return welcome;
                case LinkReadKind.Control when result.Message is PendingMessage pending:
                    onPending(pending);
                    timeout = TimeSpan.FromMilliseconds(3 * pending.KeepaliveMs);
                    continue;
                case LinkReadKind.Control when result.Message is RejectMessage reject:
                    throw new LinkRejectedException(reject.Reason, reject.Message);
                case LinkReadKind.Fatal:
                    throw new LinkProtocolException(result.CloseReason ?? "bad frame", result.CloseCode);
                case LinkReadKind.Ignored:
                    continue;
                default:
                    throw new LinkProtocolException("the server sent something before welcome", LinkCloseCodes.ProtocolViolation);
            }
        }
    }
}
