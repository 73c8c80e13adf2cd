using Concentus;

namespace Jarvis.Protocol.Opus;

/// <summary>
/// Decodes mono Opus packets (any frame size, multi-frame packets up to 120 ms) with packet-loss concealment and FEC,
/// reusing one codec instance; allocates nothing per packet. Concentus' managed decoder returns silence for hybrid
/// packets below 48 kHz (lostromb/concentus#67), so with the managed codec and an output rate below 48 kHz this
/// decodes at 48 kHz and downsamples. Not thread-safe: one decoder per stream.
/// </summary>
public sealed class OpusFrameDecoder : IDisposable
{
    private readonly IOpusDecoder _decoder;
    private readonly Decimator? _decimator;
    private readonly short[]? _wideBuffer;

    private OpusFrameDecoder(IOpusDecoder decoder, int sampleRate)
    {
        _decoder = decoder;
        SampleRate = sampleRate;
        if (decoder.SampleRate != sampleRate)
        {
            _decimator = new Decimator(decoder.SampleRate / sampleRate, MaxSamplesPerPacket(decoder.SampleRate));
            _wideBuffer = new short[MaxSamplesPerPacket(decoder.SampleRate)];
        }
    }

    /// <summary>Output sample rate.</summary>
    public int SampleRate { get; }

    /// <summary>True when native libopus does the work, false for Concentus' managed codec.</summary>
    public bool IsNative => OpusCodecs.IsNative(_decoder);

    /// <summary>True when packets are decoded at 48 kHz and downsampled (managed codec below 48 kHz).</summary>
    public bool DecodesAt48kHz => _decimator is not null;

    /// <summary>Output samples of a 120 ms packet, the longest Opus allows.</summary>
    public static int MaxSamplesPerPacket(int sampleRate) => sampleRate * OpusPacket.MaxDurationMilliseconds / 1000;

    /// <summary>Creates a decoder with the default codec (native libopus when available).</summary>
    public static OpusFrameDecoder Create(int outputSampleRate) => Create(outputSampleRate, OpusBackend.Auto);

    internal static OpusFrameDecoder Create(int outputSampleRate, OpusBackend backend)
    {
        if (outputSampleRate is not (16000 or 24000 or 48000))
        {
            throw new ArgumentOutOfRangeException(nameof(outputSampleRate), outputSampleRate, "The Opus output rate must be 16000, 24000 or 48000 Hz.");
        }

        var decoder = OpusCodecs.CreateDecoder(outputSampleRate, backend);
        if (!OpusCodecs.IsNative(decoder) && outputSampleRate < 48000)
        {
            decoder.Dispose();
            decoder = OpusCodecs.CreateDecoder(48000, OpusBackend.Managed);
        }

        return new OpusFrameDecoder(decoder, outputSampleRate);
    }

    /// <summary>Decodes one packet; returns the samples written. Size <paramref name="pcm"/> with <see cref="MaxSamplesPerPacket"/>.</summary>
    /// <exception cref="InvalidDataException">The packet is malformed.</exception>
    public int Decode(ReadOnlySpan<byte> packet, Span<short> pcm)
    {
        var samples = OpusPacket.GetSampleCount(packet, SampleRate);
        EnsureCapacity(pcm, samples);
        return Run(packet, pcm, samples, fec: false);
    }

    /// <summary>Conceals one lost packet of <paramref name="samples"/> samples (a multiple of 2.5 ms); returns the samples written.</summary>
    public int DecodeLost(Span<short> pcm, int samples)
    {
        EnsureDuration(samples);
        EnsureCapacity(pcm, samples);
        return Run([], pcm, samples, fec: false);
    }

    /// <summary>
    /// Recovers a lost packet of <paramref name="samples"/> samples from the FEC data carried by the packet that
    /// follows it (<paramref name="nextPacket"/>, decode it normally afterwards); falls back to concealment when it has none.
    /// </summary>
    /// <exception cref="InvalidDataException">The packet is malformed.</exception>
    public int DecodeFec(ReadOnlySpan<byte> nextPacket, Span<short> pcm, int samples)
    {
        EnsureDuration(samples);
        EnsureCapacity(pcm, samples);
        if (!OpusPacket.TryGetSampleCount(nextPacket, SampleRate, out _))
        {
            throw new InvalidDataException($"Not a valid Opus packet ({nextPacket.Length} bytes).");
        }

        return Run(nextPacket, pcm, samples, fec: true);
    }

    /// <summary>Forgets the decoder state (a new, unrelated stream).</summary>
    public void Reset()
    {
        _decoder.ResetState();
        _decimator?.Reset();
    }

    public void Dispose() => _decoder.Dispose();

    private int Run(ReadOnlySpan<byte> packet, Span<short> pcm, int samples, bool fec)
    {
        try
        {
            if (_decimator is null)
            {
                return Checked(_decoder.Decode(packet, pcm, samples, fec), packet.Length);
            }

            var wide = _wideBuffer.AsSpan(0, samples * _decimator.Factor);
            var decoded = Checked(_decoder.Decode(packet, wide, wide.Length, fec), packet.Length);
            return _decimator.Process(wide[..decoded], pcm);
        }
        catch (Exception ex) when (ex is OpusException or IndexOutOfRangeException or ArgumentException)
        {
            throw new InvalidDataException($"Opus could not decode a {packet.Length}-byte packet: {ex.Message}", ex);
        }
    }

    /// <summary>Native libopus reports errors as negative results instead of exceptions.</summary>
    private static int Checked(int result, int packetLength) => result >= 0
        ? result
        : throw new InvalidDataException($"Opus could not decode a {packetLength}-byte packet: {OpusErrors.Describe(result)}");

    private void EnsureDuration(int samples)
    {
        if (samples <= 0 || samples > MaxSamplesPerPacket(SampleRate) || samples * 400 % SampleRate != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(samples), samples, $"Must be a multiple of 2.5 ms up to 120 ms at {SampleRate} Hz.");
        }
    }

    private static void EnsureCapacity(Span<short> pcm, int samples)
    {
        if (pcm.Length < samples)
        {
            throw new ArgumentException($"The PCM buffer holds {pcm.Length} samples but the packet decodes to {samples}.", nameof(pcm));
        }
    }
}
