using System.Net.WebSockets;

namespace Jarvis.Server.Tests.PersonaPlex.Support;

/// <summary>A bare WebSocket to the emulator, for checking exactly what the server does with a given byte stream.</summary>
internal sealed class RawChatSocket : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public string? CloseDescription => _socket.CloseStatusDescription;

    public static async Task<RawChatSocket> ConnectAsync(Uri chatUrl, string query)
    {
        var raw = new RawChatSocket();
        await raw._socket.ConnectAsync(new UriBuilder(chatUrl) { Query = query }.Uri, CancellationToken.None);
        return raw;
    }

    /// <summary>Next binary message, or null when the server closed with a close frame.</summary>
    public async Task<byte[]?> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(Eventually.Deadline);
        var buffer = new byte[64 * 1024];
        var length = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(buffer.AsMemory(length), timeout.Token);
            length += result.Count;
        }
        while (!result.EndOfMessage);
        if (result.MessageType == WebSocketMessageType.Close)
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            return null;
        }

        return buffer[..length];
    }

    public Task SendAsync(byte[] message) =>
        _socket.SendAsync(message, WebSocketMessageType.Binary, true, CancellationToken.None);

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
