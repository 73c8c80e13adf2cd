using System.Buffers.Binary;
using System.Net.WebSockets;
using Jarvis.Protocol.Link;
using Jarvis.Protocol.Link.Messages;

namespace Jarvis.Bench.Hub;

/// <summary>A lean simulated satellite for the harness: reused buffers, no allocation per audio packet.</summary>
internal sealed class BenchSatellite(string room, LatencySamples downlink) : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly byte[] _receive = new byte[LinkProtocol.MaxFrameBytes];
    private readonly byte[] _frame = new byte[256];
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly TaskCompletionSource _welcomed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _active = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _loop = Task.CompletedTask;
    private uint _sequence;
    private byte[]? _opusFrame;

    public string Room { get; } = room;

    public Task Welcomed => _welcomed.Task;

    public Task Active => _active.Task;

    public int DownlinkReceived { get; private set; }

    /// <summary>The longest packet the server lets this satellite send on the wake path (welcome; 20 when not offered).</summary>
    public int WakePacketMs { get; private set; } = 20;

    public async Task ConnectAsync(Uri link, string token)
    {
        await _socket.ConnectAsync(link, CancellationToken.None);
        _loop = ReceiveLoopAsync();
        await SendAsync(new HelloMessage(LinkProtocol.Version, $"{Room}-pi", Room, token,
            new SatelliteCapabilities([16000, 24000], [LinkCodec.Opus], true, LedKind.None, true, true)));
    }

    public async Task SendAsync(LinkMessage message)
    {
        var json = LinkMessageWriter.ToUtf8(message);
        await _send.WaitAsync();
        try
        {
            await _socket.SendAsync(json, WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _send.Release();
        }
    }

    /// <summary>Sends a 60-byte uplink packet whose bytes 1-4 carry <paramref name="id"/>.</summary>
    [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask SendAudioAsync(int id)
    {
        await _send.WaitAsync();
        try
        {
            var payload = _frame.AsSpan(LinkProtocol.AudioHeaderBytes, 60);
            payload[0] = 0x08; // SILK NB 20 ms TOC
            BinaryPrimitives.WriteInt32LittleEndian(payload[1..], id);
            AudioFrameCodec.WriteHeader(new LinkAudioHeader(StreamDirection.Uplink, LinkCodec.Opus, _sequence++, 0), _frame);
            await _socket.SendAsync(_frame.AsMemory(0, LinkProtocol.AudioHeaderBytes + 60), WebSocketMessageType.Binary, true, CancellationToken.None);
        }
        finally
        {
            _send.Release();
        }
    }

    /// <summary>Sends one real Opus packet (a voice-gated room's audio on the wake path).</summary>
    [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask SendOpusAsync(byte[] packet)
    {
        await _send.WaitAsync();
        try
        {
            var frame = _opusFrame ??= new byte[LinkProtocol.AudioHeaderBytes + 1500];
            AudioFrameCodec.Write(new LinkAudioHeader(StreamDirection.Uplink, LinkCodec.Opus, _sequence++, 0), packet, frame);
            await _socket.SendAsync(frame.AsMemory(0, LinkProtocol.AudioHeaderBytes + packet.Length), WebSocketMessageType.Binary, true, CancellationToken.None);
        }
        finally
        {
            _send.Release();
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var reader = new LinkMessageReader(LinkPeer.Satellite);
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(_receive.AsMemory(), CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                if (result.MessageType == WebSocketMessageType.Binary)
                {
                    if (AudioFrameCodec.TryRead(_receive.AsSpan(0, result.Count), out _, out var payload) == AudioFrameStatus.Ok && payload.Length >= 5)
                    {
                        DownlinkReceived++;
                        downlink.Received(BinaryPrimitives.ReadInt32LittleEndian(payload[1..]));
                    }

                    continue;
                }

                var message = reader.Read(LinkFrameType.Text, _receive.AsSpan(0, result.Count)).Message;
                switch (message)
                {
                    case WelcomeMessage welcome:
                        WakePacketMs = welcome.WakePacketMs ?? 20;
                        _welcomed.TrySetResult();
                        break;
                    case ConversationMessage { Active: true }:
                        _active.TrySetResult();
                        break;
                    case PingMessage ping:
                        await SendAsync(new PongMessage(ping.T0, 0, 0));
                        break;
                }
            }
        }
        catch (WebSocketException)
        {
            // Closed.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
        }

        await _loop.WaitAsync(TimeSpan.FromSeconds(2)).ContinueWith(static _ => { }, TaskScheduler.Default);
        _socket.Dispose();
    }
}
