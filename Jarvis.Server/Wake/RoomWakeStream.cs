using System.Buffers;
using System.Runtime.InteropServices;
using System.Threading.Channels;
using Jarvis.Protocol.Opus;
using Jarvis.Server.Satellites;
using Jarvis.Server.Status;
using Jarvis.Server.Wyoming;

namespace Jarvis.Server.Wake;

/// <summary>
/// One room's voice-gated audio on its way to the wake-word service: Opus decoded to 16 kHz PCM (decoder and buffers reused),
/// one Wyoming stream per burst of speech, closed after <paramref name="idleAfter"/> without packets. A packet that does
/// not decode is dropped and reported (<c>onUndecodable</c>) for this room only; only the wake service's own failures end
/// the stream through <c>onFailure</c>.
/// </summary>
internal sealed class RoomWakeStream
{
    private readonly Channel<UplinkPacket> _packets = Channel.CreateBounded<UplinkPacket>(
        new BoundedChannelOptions(100) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
        dropped => dropped.Return());

    private readonly LatencyHistogram? _feedLatency;

    public RoomWakeStream(string room, IWakeWordDetector detector, TimeSpan idleAfter, TimeProvider time,
        Action<string> onDetection, Action<string, Exception> onFailure, Action<string, InvalidDataException> onUndecodable,
        LatencyHistogram? feedLatency = null)
    {
        Room = room;
        _feedLatency = feedLatency;
        Completion = RunAsync(detector, idleAfter, time, onDetection, onFailure, onUndecodable);
    }

    public string Room { get; }

    /// <summary>Completes when the stream closed (idle, failure); the listener then starts a new one on the next packet.</summary>
    public Task Completion { get; }

    public bool TryEnqueue(ReadOnlySpan<byte> opusPacket, long receivedTimestamp)
    {
        var packet = UplinkPacket.CopyOf(opusPacket, receivedTimestamp);
        if (_packets.Writer.TryWrite(packet))
        {
            return true;
        }

        packet.Return();
        return false;
    }

    private async Task RunAsync(IWakeWordDetector detector, TimeSpan idleAfter, TimeProvider time, Action<string> onDetection,
        Action<string, Exception> onFailure, Action<string, InvalidDataException> onUndecodable)
    {
        await Task.Yield();
        var pcm = ArrayPool<byte>.Shared.Rent(OpusFrameDecoder.MaxSamplesPerPacket(16000) * 2); // a stream per burst of speech
        try
        {
            using var decoder = OpusFrameDecoder.Create(16000);
            var stream = await detector.StartAsync(AudioFormat.Speech16K, CancellationToken.None).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var detections = ForwardDetectionsAsync(stream, onDetection);
                // One idle timer, pushed back after every drain: a cancellable wait per packet would allocate per packet.
                using var idle = time.CreateTimer(static writer => ((ChannelWriter<UplinkPacket>)writer!).TryComplete(), _packets.Writer,
                    idleAfter, Timeout.InfiniteTimeSpan);
                while (await _packets.Reader.WaitToReadAsync().ConfigureAwait(false))
                {
                    while (_packets.Reader.TryRead(out var packet))
                    {
                        try
                        {
                            if (TryDecode(decoder, packet, pcm, onUndecodable) is var samples and > 0)
                            {
                                _feedLatency?.Observe(time.GetElapsedTime(packet.ReceivedTimestamp));
                                await stream.SendAsync(pcm.AsMemory(0, samples * 2), CancellationToken.None).ConfigureAwait(false);
                            }
                        }
                        finally
                        {
                            packet.Return();
                        }
                    }

                    idle.Change(idleAfter, Timeout.InfiniteTimeSpan);
                }

                await stream.StopAsync(CancellationToken.None).ConfigureAwait(false);
                await detections.WaitAsync(TimeSpan.FromSeconds(2), time).ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            onFailure(Room, ex);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(pcm);
            _packets.Writer.TryComplete();
            while (_packets.Reader.TryRead(out var left))
            {
                left.Return();
            }
        }
    }

    private int TryDecode(OpusFrameDecoder decoder, UplinkPacket packet, byte[] pcm, Action<string, InvalidDataException> onUndecodable)
    {
        try
        {
            return decoder.Decode(packet.Data.Span, MemoryMarshal.Cast<byte, short>(pcm.AsSpan()));
        }
        catch (InvalidDataException ex)
        {
            onUndecodable(Room, ex);
            return 0;
        }
    }

    private async Task ForwardDetectionsAsync(IWakeWordStream stream, Action<string> onDetection)
    {
        await foreach (var _ in stream.Detections.ReadAllAsync().ConfigureAwait(false))
        {
            onDetection(Room);
        }
    }
}
