using Concentus;

namespace Jarvis.Protocol.Opus;

/// <summary>
/// Encodes fixed-size mono PCM frames into Opus packets with one reused codec instance; allocates nothing per frame.
/// Not thread-safe: one encoder per stream.
/// </summary>
public sealed class OpusFrameEncoder : IDisposable
{
    /// <summary>A packet buffer of this size always suffices (libopus' recommended maximum).</summary>
    public const int MaxPacketSize = 4000;

    private const int OpusAuto = -1000;

    private readonly IOpusEncoder _encoder;

    private OpusFrameEncoder(IOpusEncoder encoder, OpusEncoderOptions options)
    {
        _encoder = encoder;
        Options = options;
        FrameSamples = options.FrameSamples;
    }

    public OpusEncoderOptions Options { get; }

    /// <summary>Samples per frame: <see cref="Encode"/> takes exactly this many.</summary>
    public int FrameSamples { get; }

    public int SampleRate => Options.SampleRate;

    /// <summary>Encoder delay in samples at <see cref="SampleRate"/> (Ogg Opus pre-skip = Lookahead × 48000 / SampleRate).</summary>
    public int Lookahead => _encoder.Lookahead;

    /// <summary>True when native libopus does the work, false for Concentus' managed codec.</summary>
    public bool IsNative => OpusCodecs.IsNative(_encoder);

    /// <summary>Creates an encoder with the default codec (native libopus when available).</summary>
    public static OpusFrameEncoder Create(OpusEncoderOptions options) => Create(options, OpusBackend.Auto);

    internal static OpusFrameEncoder Create(OpusEncoderOptions options, OpusBackend backend)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var encoder = OpusCodecs.CreateEncoder(options.SampleRate, OpusCodecs.ToConcentus(options.Application), backend);
        try
        {
            encoder.Bitrate = options.Bitrate == 0 ? OpusAuto : options.Bitrate;
            encoder.Complexity = options.Complexity;
            encoder.UseInbandFEC = options.InbandFec;
            encoder.PacketLossPercent = options.ExpectedPacketLossPercent;
            encoder.UseDTX = options.Dtx;
            return new OpusFrameEncoder(encoder, options);
        }
        catch
        {
            encoder.Dispose();
            throw;
        }
    }

    /// <summary>Encodes one frame of exactly <see cref="FrameSamples"/> samples; returns the packet length in bytes.</summary>
    public int Encode(ReadOnlySpan<short> pcm, Span<byte> packet)
    {
        if (pcm.Length != FrameSamples)
        {
            throw new ArgumentException($"An Opus frame here is {FrameSamples} samples, got {pcm.Length}.", nameof(pcm));
        }

        if (packet.Length < 3)
        {
            throw new ArgumentException("The packet buffer is too small (use OpusFrameEncoder.MaxPacketSize).", nameof(packet));
        }

        var length = _encoder.Encode(pcm, FrameSamples, packet, Math.Min(packet.Length, MaxPacketSize));
        return length >= 0
            ? length
            : throw new InvalidOperationException($"Opus encoding failed: {OpusErrors.Describe(length)}");
    }

    /// <summary>Tells the encoder how much packet loss to expect (0–100 %), e.g. from link statistics.</summary>
    public void SetPacketLoss(int percent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        _encoder.PacketLossPercent = percent;
    }

    /// <summary>Changes the target bitrate (6000–510000 bit/s, or 0 for automatic).</summary>
    public void SetBitrate(int bps)
    {
        if (bps != 0 && bps is < 6000 or > 510000)
        {
            throw new ArgumentOutOfRangeException(nameof(bps), bps, "Bitrate must be 0 (auto) or 6000-510000 bit/s.");
        }

        _encoder.Bitrate = bps == 0 ? OpusAuto : bps;
    }

    public void Dispose() => _encoder.Dispose();
}
