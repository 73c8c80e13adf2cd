using System.Net.WebSockets;
using Jarvis.Protocol.Link;
using Jarvis.Protocol.Link.Messages;

namespace Jarvis.Server.Tests.Hub;

/// <summary>An in-process satellite speaking link protocol v1: sends hello, audio and events; records what the server sends.</summary>
internal sealed class SimulatedSatellite : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly LinkMessageReader _reader = new(LinkPeer.Satellite);
    private readonly LinkFrameAssembler _assembler = new();
    private readonly List<LinkMessage> _messages = [];
    private readonly List<byte[]> _audio = [];
    private readonly List<int> _audioBeforeFlush = [];
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private Task _receiving = Task.CompletedTask;
    private uint _sequence;

    private SimulatedSatellite(string id, string room)
    {
        Id = id;
        Room = room;
    }

    public string Id { get; }

    public string Room { get; }

    public WebSocketCloseStatus? CloseStatus { get; private set; }

    public bool Closed { get; private set; }

    public IReadOnlyList<LinkMessage> Messages
    {
        get
        {
            lock (_messages)
            {
                return _messages.ToArray();
            }
        }
    }

    public int AudioReceived
    {
        get
        {
            lock (_audio)
            {
                return _audio.Count;
            }
        }
    }

    public IReadOnlyList<byte[]> Audio
    {
        get
        {
            lock (_audio)
            {
                return _audio.ToArray();
            }
        }
    }

    /// <summary>For each flush received, in order, how many audio packets had arrived before it (the link keeps them in order).</summary>
    public IReadOnlyList<int> AudioBeforeFlush
    {
        get
        {
            lock (_audio)
            {
                return _audioBeforeFlush.ToArray();
            }
        }
    }

    public T? Last<T>()
        where T : LinkMessage => Messages.OfType<T>().LastOrDefault();

    /// <summary>Connects and sends hello; the welcome or reject shows up in <see cref="Messages"/>.</summary>
    public static async Task<SimulatedSatellite> ConnectAsync(Uri link, string room, string? token = null, string? id = null)
    {
        var satellite = new SimulatedSatellite(id ?? $"{room}-pi", room);
        await satellite._socket.ConnectAsync(link, CancellationToken.None).ConfigureAwait(false);
        satellite._receiving = satellite.ReceiveLoopAsync();
        await satellite.SendAsync(new HelloMessage(
            LinkProtocol.Version, satellite.Id, room, token ?? HubTestServer.TokenOf(room),
            new SatelliteCapabilities([16000, 24000, 48000], [LinkCodec.Opus], true, LedKind.Apa102Ring, true, true),
            "test")).ConfigureAwait(false);
        return satellite;
    }

    public async Task WaitWelcomedAsync() =>
        await Eventually.TrueAsync(() => Last<WelcomeMessage>() is not null, $"{Id} is welcomed").ConfigureAwait(false);

    public async Task SendAsync(LinkMessage message) => await SendRawAsync(LinkMessageWriter.ToUtf8(message), WebSocketMessageType.Text).ConfigureAwait(false);

    public async Task SendAudioAsync(ReadOnlyMemory<byte> opus)
    {
        var frame = new byte[AudioFrameCodec.FrameLength(opus.Length)];
        AudioFrameCodec.Write(new LinkAudioHeader(StreamDirection.Uplink, LinkCodec.Opus, _sequence++, Environment.TickCount64 * 1000), opus.Span, frame);
        await SendRawAsync(frame, WebSocketMessageType.Binary).ConfigureAwait(false);
    }

    public async Task SendRawAsync(ReadOnlyMemory<byte> bytes, WebSocketMessageType type)
    {
        await _send.WaitAsync().ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(bytes, type, true, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _send.Release();
        }
    }

    public Task VoiceAsync(bool start, double score, double? levelDbfs = null) =>
        SendAsync(new VoiceActivityMessage(start ? VoiceActivityState.Start : VoiceActivityState.Stop, score, Environment.TickCount64 * 1000, levelDbfs));

    public Task LongPressAsync() => SendAsync(new ButtonMessage(ButtonPress.Long, Environment.TickCount64 * 1000));

    public Task MuteAsync(bool muted) => SendAsync(new MuteMessage(muted, MuteSource.Button));

    private async Task ReceiveLoopAsync()
    {
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(_assembler.GetMemory(), _stop.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    CloseStatus = _socket.CloseStatus;
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None).ConfigureAwait(false);
                    return;
                }

                if (_assembler.Advance(result.Count, result.EndOfMessage) != FragmentStatus.Complete)
                {
                    continue;
                }

                var type = result.MessageType == WebSocketMessageType.Binary ? LinkFrameType.Binary : LinkFrameType.Text;
                await OnFrameAsync(type).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // Connection gone.
        }
        finally
        {
            Closed = true;
        }
    }

    private async Task OnFrameAsync(LinkFrameType type)
    {
        var read = _reader.Read(type, _assembler.Message);
        if (read.Kind == LinkReadKind.Audio)
        {
            var packet = read.Payload.ToArray();
            lock (_audio)
            {
                _audio.Add(packet);
            }
        }
        else if (read.Kind == LinkReadKind.Control)
        {
            var message = read.Message!;
            if (message is FlushMessage)
            {
                lock (_audio)
                {
                    _audioBeforeFlush.Add(_audio.Count);
                }
            }

            lock (_messages)
            {
                _messages.Add(message);
            }

            if (message is PingMessage ping)
            {
                var now = Environment.TickCount64 * 1000;
                await SendAsync(new PongMessage(ping.T0, now, now)).ConfigureAwait(false);
            }
        }
    }

    private bool _disposed;

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token).ConfigureAwait(false);
                await _receiving.WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or TimeoutException)
        {
            // Best effort.
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        _assembler.Dispose();
        _stop.Dispose();
    }
}
