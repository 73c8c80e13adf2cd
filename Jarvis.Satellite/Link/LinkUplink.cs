using System.Buffers;
using Jarvis.Protocol.Link;
using Jarvis.Protocol.Link.Messages;
using Jarvis.Protocol.Opus;
using Jarvis.Satellite.Uplink;

namespace Jarvis.Satellite.Link;

/// <summary>
/// Encodes cleaned microphone frames to Opus on the capture thread and posts them to the connected session's
/// outbox (dropped while disconnected). In-band FEC follows the measured loss. No allocation per frame.
/// </summary>
public sealed class LinkUplink : IVoiceUplink, IDisposable
{
    private readonly OpusFrameEncoder encoder;
    private readonly MonotonicClock clock;
    private volatile LinkOutbox? outbox;
    private volatile int wantedLossPercent;
    private int appliedLossPercent;
    private uint sequence;
    private long framesSent;

    public LinkUplink(int sampleRate, int frameMilliseconds, LinkOptions options, MonotonicClock clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.clock = clock;
        encoder = OpusFrameEncoder.Create(new OpusEncoderOptions
        {
            SampleRate = sampleRate,
            FrameMilliseconds = frameMilliseconds,
            Application = OpusApplicationKind.Voip,
            Bitrate = options.OpusBitrate,
            Complexity = options.OpusComplexity,
            InbandFec = true,
        });
    }

    public int SampleRate => encoder.SampleRate;

    public int FrameMilliseconds => encoder.Options.FrameMilliseconds;

    public long FramesSent => Interlocked.Read(ref framesSent);

    /// <summary>The packet-loss percentage the encoder protects against (FEC), from the link's stats.</summary>
    public int ExpectedLossPercent
    {
        get => wantedLossPercent;
        set => wantedLossPercent = Math.Clamp(value, 0, 50);
    }

    /// <summary>True when <paramref name="parameters"/> (from welcome) is what this uplink produces.</summary>
    public bool Accepts(AudioStreamParameters parameters) =>
        parameters.Codec == LinkCodec.Opus && parameters.SampleRate == SampleRate && parameters.FrameMs == FrameMilliseconds;

    internal void Attach(LinkOutbox target) => outbox = target;

    internal void Detach() => outbox = null;

    public void SendFrame(ReadOnlySpan<short> pcm)
    {
        var target = outbox;
        if (target is null)
        {
            return;
        }

        var loss = wantedLossPercent;
        if (loss != appliedLossPercent)
        {
            encoder.SetPacketLoss(loss);
            appliedLossPercent = loss;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(LinkProtocol.AudioHeaderBytes + OpusFrameEncoder.MaxPacketSize);
        var length = encoder.Encode(pcm, buffer.AsSpan(LinkProtocol.AudioHeaderBytes));
        AudioFrameCodec.WriteHeader(new LinkAudioHeader(StreamDirection.Uplink, LinkCodec.Opus, sequence++, clock.NowUs), buffer);
        target.PostAudio(buffer, LinkProtocol.AudioHeaderBytes + length);
        Interlocked.Increment(ref framesSent);
    }

    public void EndOfStream()
    {
    }

    public void Dispose() => encoder.Dispose();
}
