using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;

namespace Jarvis.PersonaPlex.Emulator.Realtime;

/// <summary>Reads a client's frames as they arrive into a queue; a close frame (or a drop) completes it.</summary>
internal sealed class IncomingFrames
{
    /// <summary><c>websocket.py:MAX_EVENT_BYTES</c>: 15 MiB of UTF-8.</summary>
    public const int MaxEventBytes = 15 * 1024 * 1024;

    private readonly WebSocket _socket;
    private readonly Channel<IncomingFrame> _queue = Channel.CreateUnbounded<IncomingFrame>(new UnboundedChannelOptions { SingleWriter = true });
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IncomingFrames(WebSocket socket)
    {
        _socket = socket;
    }

    public ChannelReader<IncomingFrame> Reader => _queue.Reader;

    /// <summary>Completes when the client closed (or the connection ended).</summary>
    public Task Closed => _closed.Task;

    public Task Receiving { get; private set; } = Task.CompletedTask;

    public void Start(CancellationToken cancellationToken) => Receiving = ReceiveAsync(cancellationToken);

    private async Task ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                message.SetLength(0);
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
                    if (message.Length <= MaxEventBytes)
                    {
                        message.Write(buffer, 0, result.Count);
                    }
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                var frame = result.MessageType == WebSocketMessageType.Binary ? new IncomingFrame(null, Binary: true)
                    : message.Length > MaxEventBytes ? new IncomingFrame(null, TooLarge: true)
                    : new IncomingFrame(Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length));
                _queue.Writer.TryWrite(frame);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            // Connection gone.
        }
        finally
        {
            _closed.TrySetResult();
            _queue.Writer.TryComplete();
        }
    }
}
