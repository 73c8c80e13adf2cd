using System.Diagnostics;
using System.Net.WebSockets;
using Jarvis.Protocol.Link;
using Jarvis.Protocol.Link.Messages;

namespace Jarvis.Server.Tests.Soak;

/// <summary>
/// A simulated satellite of the soak: keeps its link up like the real link client (reconnects every 200 ms while down,
/// through the fault proxy), answers pings, and keeps only counters (a soak runs for hours): links welcomed, whether a
/// conversation is active, audio packets received, flushes.
/// </summary>
internal sealed class SoakSatellite(string room, string token, Func<Uri> link) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _send = new(1, 1);
    private Task _loop = Task.CompletedTask;
    private volatile ClientWebSocket? _socket;
    private volatile bool _welcomed;
    private volatile bool _active;
    private volatile bool _offline;
    private int _welcomes;
    private long _audio;
    private int _conversationsStarted;
    private uint _sequence;

    public string Room { get; } = room;

    public bool Welcomed => _welcomed;

    public bool ConversationActive => _active;

    public int Welcomes => Volatile.Read(ref _welcomes);

    public int ConversationsStarted => Volatile.Read(ref _conversationsStarted);

    public long AudioReceived => Interlocked.Read(ref _audio);

    public void Start() => _loop = RunAsync(_stop.Token);

    /// <summary>A reboot: the link drops now and stays down for <paramref name="downFor"/>.</summary>
    public async Task RebootAsync(TimeSpan downFor, CancellationToken cancellationToken)
    {
        _offline = true;
        _socket?.Abort();
        try
        {
            await Task.Delay(downFor, cancellationToken);
        }
        finally
        {
            _offline = false;
        }
    }

    public Task SendAsync(LinkMessage message) => SendRawAsync(LinkMessageWriter.ToUtf8(message), WebSocketMessageType.Text);

    public async Task SendAudioAsync(byte[] opus)
    {
        var frame = new byte[AudioFrameCodec.FrameLength(opus.Length)];
        AudioFrameCodec.Write(new LinkAudioHeader(StreamDirection.Uplink, LinkCodec.Opus, _sequence++, Environment.TickCount64 * 1000), opus, frame);
        await SendRawAsync(frame, WebSocketMessageType.Binary);
    }

    /// <summary>Voice start at <paramref name="levelDbfs"/>, the packets at real time (20 ms each), and voice stop when asked.</summary>
    public async Task SpeakAsync(IReadOnlyList<byte[]> packets, double levelDbfs, bool stop, CancellationToken cancellationToken)
    {
        await SendAsync(new VoiceActivityMessage(VoiceActivityState.Start, 0.9, Environment.TickCount64 * 1000, levelDbfs));
        using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        foreach (var packet in packets)
        {
            await SendAudioAsync(packet);
            await pace.WaitForNextTickAsync(cancellationToken);
        }

        if (stop)
        {
            await SendAsync(new VoiceActivityMessage(VoiceActivityState.Stop, 0, Environment.TickCount64 * 1000, null));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket?.Abort();
        await _loop;
        _stop.Dispose();
        _send.Dispose();
    }

    private async Task SendRawAsync(ReadOnlyMemory<byte> bytes, WebSocketMessageType type)
    {
        var socket = _socket;
        if (socket is null || !_welcomed)
        {
            throw new WebSocketException("the link is down");
        }

        await _send.WaitAsync();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await socket.SendAsync(bytes, type, true, timeout.Token);
        }
        catch (OperationCanceledException ex)
        {
            throw new WebSocketException("the link stalls", ex);
        }
        catch (ObjectDisposedException ex)
        {
            throw new WebSocketException("the link is down", ex);
        }
        finally
        {
            _send.Release();
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            if (!_offline)
            {
                await ConnectOnceAsync(cancellationToken);
            }

            try
            {
                await Task.Delay(200, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ConnectOnceAsync(CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        var reader = new LinkMessageReader(LinkPeer.Satellite);
        using var assembler = new LinkFrameAssembler();
        try
        {
            using (var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                connectTimeout.CancelAfter(TimeSpan.FromSeconds(10));
                await socket.ConnectAsync(link(), connectTimeout.Token);
            }

            _socket = socket;
            await socket.SendAsync(LinkMessageWriter.ToUtf8(new HelloMessage(LinkProtocol.Version, $"{Room}-pi", Room, token,
                new SatelliteCapabilities([16000, 24000], [LinkCodec.Opus], true, LedKind.None, true, true), "soak")), WebSocketMessageType.Text, true, cancellationToken);
            while (true)
            {
                var result = await socket.ReceiveAsync(assembler.GetMemory(), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                if (assembler.Advance(result.Count, result.EndOfMessage) != FragmentStatus.Complete)
                {
                    continue;
                }

                var read = reader.Read(result.MessageType == WebSocketMessageType.Binary ? LinkFrameType.Binary : LinkFrameType.Text, assembler.Message);
                if (read.Kind == LinkReadKind.Audio)
                {
                    Interlocked.Increment(ref _audio);
                    continue;
                }

                switch (read.Message)
                {
                    case WelcomeMessage welcome:
                        // As the real satellite: back during its room's conversation, it is in it.
                        _active = welcome.ConversationActive;
                        _welcomed = true;
                        Interlocked.Increment(ref _welcomes);
                        break;
                    case ConversationMessage conversation:
                        if (conversation.Active && !_active)
                        {
                            Interlocked.Increment(ref _conversationsStarted);
                        }

                        _active = conversation.Active;
                        break;
                    case PingMessage ping:
                        var now = Environment.TickCount64 * 1000;
                        await SendAsync(new PongMessage(ping.T0, now, now));
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or HttpRequestException or InvalidDataException)
        {
            // Link gone: reconnect.
        }
        finally
        {
            _welcomed = false;
            _active = false;
            _socket = null;
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds or the deadline passes.</summary>
    public static async Task<bool> WaitAsync(Func<bool> condition, TimeSpan deadline, CancellationToken cancellationToken)
    {
        var end = Stopwatch.GetTimestamp() + (long)(deadline.TotalSeconds * Stopwatch.Frequency);
        while (!condition())
        {
            if (Stopwatch.GetTimestamp() > end)
            {
                return false;
            }

            await Task.Delay(20, cancellationToken);
        }

        return true;
    }
}
