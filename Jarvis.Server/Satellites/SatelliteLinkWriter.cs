using System.Buffers;
using System.Net.WebSockets;
using System.Threading.Channels;
using Jarvis.Protocol.Link;
using Jarvis.Protocol.Link.Messages;
using Jarvis.Server.Rooms;

namespace Jarvis.Server.Satellites;

/// <summary>
/// The sending half of one satellite link: frames are queued (audio into rented buffers, no allocation per packet) and
/// written by one loop, so callers never block and never touch the socket. Audio beyond the queue limit is dropped
/// (a satellite that cannot keep up must not delay the others); a flush also discards audio still queued.
/// </summary>
internal sealed class SatelliteLinkWriter(WebSocket socket, TimeProvider time, int maxQueuedAudio, ILogger logger) : ISatelliteOutbound
{
    private readonly Channel<SatelliteOutboundFrame> _frames =
        Channel.CreateUnbounded<SatelliteOutboundFrame>(new() { SingleReader = true });

    private readonly long _epochTimestamp = time.GetTimestamp();
    private int _queuedAudio;
    private int _flushEpoch;
    private int _sequence = -1;

    public bool TrySendAudio(ReadOnlySpan<byte> opusPacket)
    {
        if (opusPacket.IsEmpty || opusPacket.Length > LinkProtocol.MaxAudioPayloadBytes
            || Volatile.Read(ref _queuedAudio) >= maxQueuedAudio)
        {
            return false;
        }

        var length = AudioFrameCodec.FrameLength(opusPacket.Length);
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        var header = new LinkAudioHeader(StreamDirection.Downlink, LinkCodec.Opus, (uint)Interlocked.Increment(ref _sequence), NowMicroseconds());
        AudioFrameCodec.Write(header, opusPacket, buffer);
        Interlocked.Increment(ref _queuedAudio);
        if (_frames.Writer.TryWrite(new SatelliteOutboundFrame(buffer, length, IsText: false, Volatile.Read(ref _flushEpoch))))
        {
            return true;
        }

        Interlocked.Decrement(ref _queuedAudio);
        ArrayPool<byte>.Shared.Return(buffer);
        return false;
    }

    public void SetStream(StreamKind kind) => Send(new StreamMessage(kind));

    public void Flush(FlushReason reason)
    {
        // Stamped before the send: the satellite may apply the flush before this thread logs it.
        var queuedAt = MonotonicMicroseconds.Now(time);
        Interlocked.Increment(ref _flushEpoch);
        Send(new FlushMessage(reason));
        SatelliteLinkLog.FlushQueued(logger, reason, queuedAt);
    }

    public void SetLed(RoomLed led) => Send(new LedMessage(led switch
    {
        RoomLed.Listening => LedState.Listening,
        RoomLed.Waiting => LedState.Thinking,
        RoomLed.Error => LedState.Error,
        RoomLed.Timer => LedState.Timer,
        RoomLed.Countdown => LedState.Countdown,
        _ => LedState.Idle,
    }));

    public void SetMuted(bool muted) => Send(new MuteMessage(muted, MuteSource.Server));

    public void SetConversation(bool active) => Send(new ConversationMessage(active));

    /// <summary>Queues a control message.</summary>
    public void Send(LinkMessage message)
    {
        var json = LinkMessageWriter.ToUtf8(message);
        var buffer = ArrayPool<byte>.Shared.Rent(json.Length);
        json.CopyTo(buffer, 0);
        if (!_frames.Writer.TryWrite(new SatelliteOutboundFrame(buffer, json.Length, IsText: true, 0)))
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Microseconds on the server's monotonic clock since this link opened.</summary>
    public long NowMicroseconds() => (long)time.GetElapsedTime(_epochTimestamp).TotalMicroseconds;

    /// <summary>Writes queued frames until the socket closes or <paramref name="cancellationToken"/> fires.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // The wait takes no token (a cancellable channel wait allocates every time it waits, i.e. per packet): cancelling
        // completes the queue instead.
        var cancelled = cancellationToken.UnsafeRegister(static writer => ((SatelliteLinkWriter)writer!).Complete(), this);
        try
        {
            while (await _frames.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (!cancellationToken.IsCancellationRequested && _frames.Reader.TryRead(out var frame))
                {
                    try
                    {
                        if (!frame.IsText)
                        {
                            Interlocked.Decrement(ref _queuedAudio);
                            if (frame.FlushEpoch != Volatile.Read(ref _flushEpoch))
                            {
                                continue;
                            }
                        }

                        var type = frame.IsText ? WebSocketMessageType.Text : WebSocketMessageType.Binary;
                        await socket.SendAsync(frame.Buffer.AsMemory(0, frame.Length), type, true, cancellationToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        frame.Return();
                    }
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
        }
        finally
        {
            await cancelled.DisposeAsync().ConfigureAwait(false);
            Complete();
            Drain();
        }
    }

    /// <summary>Stops accepting frames (the writer loop ends after the frame it is sending).</summary>
    public void Complete() => _frames.Writer.TryComplete();

    /// <summary>Returns the buffers still queued; only when the writer loop is not running (it is the single reader).</summary>
    public void Drain()
    {
        while (_frames.Reader.TryRead(out var frame))
        {
            frame.Return();
        }
    }
}
