using System.Diagnostics;
using System.Net.WebSockets;
using System.Threading.Channels;

namespace Jarvis.PersonaPlex.Emulator;

/// <summary>
/// Reads a client's messages as soon as they arrive (like server.py's recv_loop) into a queue that the session consumes
/// at its own pace, each with its arrival time. A close frame is noticed at once, even behind a backlog of audio.
/// </summary>
internal sealed class ClientMessages
{
    private readonly WebSocket _socket;
    private readonly Channel<ClientMessage> _queue = Channel.CreateUnbounded<ClientMessage>();
    private volatile bool _closed;

    public ClientMessages(WebSocket socket)
    {
        _socket = socket;
    }

    public ChannelReader<ClientMessage> Reader => _queue.Reader;

    /// <summary>The client sent a close frame (or the connection ended).</summary>
    public bool Closed => _closed;

    public Task Receiving { get; private set; } = Task.CompletedTask;

    public void Start(CancellationToken cancellationToken) => Receiving = ReceiveAsync(cancellationToken);

    private async Task ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                    length += result.Count;
                }
                while (!result.EndOfMessage && length < buffer.Length);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                if (result.MessageType == WebSocketMessageType.Binary)
                {
                    await _queue.Writer.WriteAsync(new ClientMessage(buffer.AsSpan(0, length).ToArray(), Stopwatch.GetTimestamp()), cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            _closed = true;
            _queue.Writer.TryComplete();
        }
    }
}
