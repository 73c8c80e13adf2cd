using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Jarvis.Protocol.Ogg;

namespace Jarvis.Server.PersonaPlex.Client;

/// <summary>
/// One open WebSocket to PersonaPlex: its receive loop (handshake, audio pages unwrapped into packets, text pieces),
/// its outgoing Ogg stream state and its counters. Created by <see cref="PersonaPlexClient.ConnectAsync"/>.
/// </summary>
internal sealed class PersonaPlexConnection
{
    private const int AudioQueueCapacity = 128; // 10 s of 80 ms pages
    private const int TextQueueCapacity = 256;
    private const int OutgoingPreSkip = 312;

    private readonly TimeProvider _time;
    private readonly OggPacketReceiver _receiver;
    private long _sentSamples48k;
    private volatile bool _closing;

    public PersonaPlexConnection(ClientWebSocket socket, Uri endpoint, TimeProvider time)
    {
        Socket = socket;
        Endpoint = endpoint;
        _time = time;
        Writer = new OggOpusWriter((uint)Random.Shared.Next(1, int.MaxValue), new OpusHead(1, 1, OutgoingPreSkip, 24000, 0, 0));
        Audio = Channel.CreateBounded<PersonaPlexAudioPacket>(
            new BoundedChannelOptions(AudioQueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleWriter = true },
            dropped => dropped.Dispose());
        _receiver = new OggPacketReceiver(endpoint, Audio.Writer);
        Text = Channel.CreateBounded<string>(
            new BoundedChannelOptions(TextQueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleWriter = true });
    }

    public ClientWebSocket Socket { get; }

    public Uri Endpoint { get; }

    public OggOpusWriter Writer { get; }

    public Channel<PersonaPlexAudioPacket> Audio { get; }

    public Channel<string> Text { get; }

    public TaskCompletionSource Handshake { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completed once the handshake arrived and our Ogg header pages are on the wire.</summary>
    public TaskCompletionSource Ready { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task ReceiveLoop { get; private set; } = Task.CompletedTask;

    public double SentSeconds => Interlocked.Read(ref _sentSamples48k) / 48000.0;

    public double ReceivedSeconds => _receiver.ReceivedSeconds;

    public void AddSent(int samples48k) => Interlocked.Add(ref _sentSamples48k, samples48k);

    public void StartReceiving() => ReceiveLoop = Task.Run(ReceiveLoopAsync);

    public void MarkClosing() => _closing = true;

    /// <summary>Our close frame, then the server's (it then releases its single session slot).</summary>
    public async Task CloseAsync(TimeSpan timeout)
    {
        MarkClosing();
        if (Socket.State == WebSocketState.Open)
        {
            using var cancel = new CancellationTokenSource(timeout, _time);
            await Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancel.Token).ConfigureAwait(false);
            await ReceiveLoop.WaitAsync(timeout, _time).ConfigureAwait(false);
        }
    }

    /// <summary>Drops the socket, ends the receive loop and returns unread packets to the pool.</summary>
    public async Task AbortAsync()
    {
        MarkClosing();
        Socket.Abort();
        Socket.Dispose();
        Ready.TrySetCanceled();
        await ReceiveLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        while (Audio.Reader.TryRead(out var left))
        {
            left.Dispose();
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        Exception? failure = null;
        try
        {
            while (true)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (length == buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    result = await Socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None).ConfigureAwait(false);
                    length += result.Count;
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    failure = _closing ? null : PersonaPlexErrors.ClosedByServer(Endpoint, Handshake.Task.IsCompleted, (int?)Socket.CloseStatus);
                    await AnswerCloseAsync().ConfigureAwait(false);
                    break;
                }

                if (result.MessageType == WebSocketMessageType.Binary && length > 0)
                {
                    Dispatch(buffer.AsSpan(0, length));
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            failure = _closing ? null : PersonaPlexErrors.Dropped(Endpoint, Handshake.Task.IsCompleted, ex);
        }
        catch (PersonaPlexException ex)
        {
            failure = ex;
            Socket.Abort();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            Handshake.TrySetException(failure ?? new PersonaPlexException($"The connection to {Endpoint} closed before the handshake."));
            Ready.TrySetException(failure ?? new PersonaPlexException($"The connection to {Endpoint} closed."));
            Audio.Writer.TryComplete(failure);
            Text.Writer.TryComplete(failure);
        }
    }

    /// <summary>Handles one binary message (never empty); throws <see cref="PersonaPlexException"/> on a broken audio stream.</summary>
    internal void Dispatch(ReadOnlySpan<byte> message)
    {
        switch ((PersonaPlexMessageKind)message[0])
        {
            case PersonaPlexMessageKind.Handshake:
                Handshake.TrySetResult();
                break;
            case PersonaPlexMessageKind.Audio:
                _receiver.Receive(message[1..], _time.GetTimestamp());
                break;
            case PersonaPlexMessageKind.Text:
                var piece = Encoding.UTF8.GetString(message[1..]);
                if (TextPieceFilter.IsWords(piece))
                {
                    Text.Writer.TryWrite(piece);
                }

                break;
            default:
                break; // Unknown kinds (metadata, error, ping, coloured text) are ignored, as the protocol asks.
        }
    }

    private async Task AnswerCloseAsync()
    {
        if (Socket.State == WebSocketState.CloseReceived)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1), _time);
            await Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
