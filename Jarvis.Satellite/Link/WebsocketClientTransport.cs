using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Jarvis.Protocol.Link;
using Websocket.Client;

namespace Jarvis.Satellite.Link;

/// <summary>
/// <see cref="ILinkTransport"/> over Websocket.Client with its own reconnection off (the link's supervisor
/// reconnects with classified failures). Receives through the library; sends go straight to the underlying
/// socket from the session's single send loop, so pooled buffers can be reused at once.
/// </summary>
public sealed class WebsocketClientTransport : ILinkTransport
{
    private readonly Channel<LinkInbound> inbound = Channel.CreateUnbounded<LinkInbound>(new UnboundedChannelOptions { SingleReader = true });
    private WebsocketClient? client;
    private IDisposable? messages;
    private IDisposable? disconnections;

    public ChannelReader<LinkInbound> Inbound => inbound.Reader;

    public LinkCloseInfo? CloseInfo { get; private set; }

    public async Task ConnectAsync(Uri uri, CancellationToken cancellationToken)
    {
        client = new WebsocketClient(uri, () => new ClientWebSocket())
        {
            IsReconnectionEnabled = false,
            ReconnectTimeout = null,
            ErrorReconnectTimeout = null,
            IsTextMessageConversionEnabled = true,
            Name = "jarvis-link",
        };
        messages = client.MessageReceived.Subscribe(OnMessage);
        disconnections = client.DisconnectionHappened.Subscribe(info =>
        {
            CloseInfo = new LinkCloseInfo((int?)info.CloseStatus, info.CloseStatusDescription, info.Exception);
            inbound.Writer.TryComplete();
        });
        await client.StartOrFail().WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask SendAsync(ReadOnlyMemory<byte> message, LinkFrameType type, CancellationToken cancellationToken)
    {
        var socket = client?.NativeClient;
        if (socket is null || socket.State != WebSocketState.Open)
        {
            throw new WebSocketException(WebSocketError.InvalidState, "The link is not connected.");
        }

        return socket.SendAsync(message, type == LinkFrameType.Text ? WebSocketMessageType.Text : WebSocketMessageType.Binary,
            endOfMessage: true, cancellationToken);
    }

    public async Task CloseAsync(int code, string reason, CancellationToken cancellationToken)
    {
        if (client is { IsRunning: true })
        {
            await client.Stop((WebSocketCloseStatus)code, reason).WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        inbound.Writer.TryComplete();
    }

    public ValueTask DisposeAsync()
    {
        messages?.Dispose();
        disconnections?.Dispose();
        client?.Dispose();
        inbound.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }

    private void OnMessage(ResponseMessage message)
    {
        // With text conversion on, the library reports text frames as strings (control) and binary as bytes (audio).
        var inboundMessage = message.Text is { } text
            ? new LinkInbound(LinkFrameType.Text, Encoding.UTF8.GetBytes(text))
            : new LinkInbound(LinkFrameType.Binary, message.Binary ?? []);
        inbound.Writer.TryWrite(inboundMessage);
    }
}
