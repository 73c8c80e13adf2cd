using Jarvis.Protocol.Link;

namespace Jarvis.Satellite.Link;

/// <summary>The raw WebSocket under the link: connect, whole messages in, whole messages out, close.</summary>
public interface ILinkTransport : IAsyncDisposable
{
    /// <summary>Messages from the server; completes when the connection ends (then <see cref="CloseInfo"/> says why).</summary>
    System.Threading.Channels.ChannelReader<LinkInbound> Inbound { get; }

    LinkCloseInfo? CloseInfo { get; }

    /// <summary>Opens the connection; throws when the server cannot be reached.</summary>
    Task ConnectAsync(Uri uri, CancellationToken cancellationToken);

    /// <summary>Sends one message (one caller at a time).</summary>
    ValueTask SendAsync(ReadOnlyMemory<byte> message, LinkFrameType type, CancellationToken cancellationToken);

    Task CloseAsync(int code, string reason, CancellationToken cancellationToken);
}
