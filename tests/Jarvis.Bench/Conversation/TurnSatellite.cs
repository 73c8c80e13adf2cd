using System.Diagnostics;
using System.Net.WebSockets;
using Jarvis.Protocol.Link;
using Jarvis.Protocol.Link.Messages;

namespace Jarvis.Bench.Conversation;

/// <summary>A satellite for the conversation harness: speaks utterances (voice start, Opus, voice stop) and timestamps what comes back.</summary>
internal sealed class TurnSatellite(string room) : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly LinkMessageReader _reader = new(LinkPeer.Satellite);
    private readonly LinkFrameAssembler _assembler = new();
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private uint _sequence;
    private long _firstAudio;
    private long _firstFlush;
    private volatile bool _audioAfterFlush;
    private int _conversations;

    /// <summary>First audio packet since <see cref="Mark"/> (after the first flush when asked to): 0 until then.</summary>
    public long FirstAudioAt => Volatile.Read(ref _firstAudio);

    public long FirstFlushAt => Volatile.Read(ref _firstFlush);

    public int ConversationsStarted => Volatile.Read(ref _conversations);

    public async Task ConnectAsync(Uri link, string token)
    {
        await _socket.ConnectAsync(link, CancellationToken.None);
        _loop = ReceiveLoopAsync();
        await SendAsync(new HelloMessage(LinkProtocol.Version, $"{room}-pi", room, token,
            new SatelliteCapabilities([16000, 24000], [LinkCodec.Opus], true, LedKind.None, true, true), "bench"));
    }

    /// <summary>Starts watching for the next answer: its first audio packet (and, in duplex mode, the flush that cuts PersonaPlex).</summary>
    public void Mark(bool audioAfterFlush)
    {
        _audioAfterFlush = audioAfterFlush;
        Volatile.Write(ref _firstFlush, 0);
        Volatile.Write(ref _firstAudio, 0);
    }

    public async Task SendAsync(LinkMessage message) => await SendRawAsync(LinkMessageWriter.ToUtf8(message), WebSocketMessageType.Text);

    /// <summary>Voice start, the packets, voice stop; returns the timestamp of the voice stop (the end of speech).</summary>
    public async Task<long> SayAsync(IReadOnlyList<byte[]> packets)
    {
        await SendAsync(new VoiceActivityMessage(VoiceActivityState.Start, 0.9, 0, -20));
        foreach (var packet in packets)
        {
            var frame = new byte[AudioFrameCodec.FrameLength(packet.Length)];
            AudioFrameCodec.Write(new LinkAudioHeader(StreamDirection.Uplink, LinkCodec.Opus, _sequence++, 0), packet, frame);
            await SendRawAsync(frame, WebSocketMessageType.Binary);
        }

        var stop = Stopwatch.GetTimestamp();
        await SendAsync(new VoiceActivityMessage(VoiceActivityState.Stop, 0, 0, null));
        return stop;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        _socket.Dispose();
        _assembler.Dispose();
        _stop.Dispose();
    }

    private async Task SendRawAsync(ReadOnlyMemory<byte> bytes, WebSocketMessageType type)
    {
        await _send.WaitAsync();
        try
        {
            await _socket.SendAsync(bytes, type, true, CancellationToken.None);
        }
        finally
        {
            _send.Release();
        }
    }

    private async Task ReceiveLoopAsync()
    {
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(_assembler.GetMemory(), _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                if (_assembler.Advance(result.Count, result.EndOfMessage) != FragmentStatus.Complete)
                {
                    continue;
                }

                var read = _reader.Read(result.MessageType == WebSocketMessageType.Binary ? LinkFrameType.Binary : LinkFrameType.Text, _assembler.Message);
                if (OnFrame(read) is { } pong)
                {
                    await SendAsync(pong);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // Connection gone.
        }
    }

    private PongMessage? OnFrame(LinkReadResult read)
    {
        var now = Stopwatch.GetTimestamp();
        switch (read.Message)
        {
            case null when read.Kind == LinkReadKind.Audio && (!_audioAfterFlush || FirstFlushAt != 0):
                Interlocked.CompareExchange(ref _firstAudio, now, 0);
                break;
            case FlushMessage:
                Interlocked.CompareExchange(ref _firstFlush, now, 0);
                break;
            case ConversationMessage { Active: true }:
                Interlocked.Increment(ref _conversations);
                break;
            case PingMessage ping:
                return new PongMessage(ping.T0, ping.T0, ping.T0);
        }

        return null;
    }
}
