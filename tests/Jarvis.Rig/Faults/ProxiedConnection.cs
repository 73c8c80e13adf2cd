using System.Buffers;
using System.Net.Sockets;
using System.Threading.Channels;

namespace Jarvis.Rig.Faults;

/// <summary>One client connection through a <see cref="FaultProxy"/>: two directions, each a reader and a delaying writer.</summary>
internal sealed class ProxiedConnection : IAsyncDisposable
{
    private const int ChunkBytes = 16 * 1024;
    private readonly FaultProxy _proxy;
    private readonly Socket _client;
    private readonly Socket _upstream = new(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
    private readonly CancellationTokenSource _stop = new();
    private Task _running = Task.CompletedTask;
    private int _reset;

    public ProxiedConnection(FaultProxy proxy, Socket client)
    {
        _proxy = proxy;
        _client = client;
        _client.NoDelay = true;
    }

    public static void ResetSocket(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already gone.
        }

        socket.Dispose();
    }

    public void Run(CancellationToken cancellationToken) => _running = RunAsync(cancellationToken);

    /// <summary>Resets both sides (RST), as when the process on the other end dies.</summary>
    public void Reset()
    {
        if (Interlocked.Exchange(ref _reset, 1) == 0)
        {
            _stop.Cancel();
            ResetSocket(_client);
            ResetSocket(_upstream);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Reset();
        await _running.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
        var token = linked.Token;
        try
        {
            if (!await _proxy.PassAsync(token).ConfigureAwait(false))
            {
                return;
            }

            await _upstream.ConnectAsync(_proxy.Target, token).ConfigureAwait(false);
            await Task.WhenAll(PumpAsync(_client, _upstream, token), PumpAsync(_upstream, _client, token)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Target down or connection reset: the client sees its connection end.
        }
        finally
        {
            Reset();
            _proxy.Forget(this);
        }
    }

    private async Task PumpAsync(Socket from, Socket to, CancellationToken cancellationToken)
    {
        var chunks = Channel.CreateUnbounded<Chunk>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var writing = WriteAsync(chunks.Reader, to, cancellationToken);
        var due = 0L;
        try
        {
            while (true)
            {
                var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
                var read = await from.ReceiveAsync(buffer.AsMemory(0, ChunkBytes), SocketFlags.None, cancellationToken).ConfigureAwait(false);
                due = _proxy.DueTimestamp(due);
                chunks.Writer.TryWrite(new Chunk(buffer, read, due));
                if (read == 0)
                {
                    break;
                }
            }
        }
        finally
        {
            chunks.Writer.TryComplete();
        }

        await writing.ConfigureAwait(false);
    }

    private async Task WriteAsync(ChannelReader<Chunk> chunks, Socket to, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var chunk in chunks.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    var early = _proxy.Time.GetElapsedTime(_proxy.Time.GetTimestamp(), chunk.Due);
                    var wait = (early > TimeSpan.Zero ? early : TimeSpan.Zero) + _proxy.DrawStall();
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, _proxy.Time, cancellationToken).ConfigureAwait(false);
                    }

                    if (!await _proxy.PassAsync(cancellationToken).ConfigureAwait(false))
                    {
                        Reset();
                        return;
                    }

                    if (chunk.Length == 0)
                    {
                        to.Shutdown(SocketShutdown.Send);
                        return;
                    }

                    await to.SendAsync(chunk.Buffer.AsMemory(0, chunk.Length), SocketFlags.None, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(chunk.Buffer);
                }
            }
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            Reset();
        }
    }

    private readonly record struct Chunk(byte[] Buffer, int Length, long Due);
}
