using Jarvis.Protocol.Opus;

namespace Jarvis.Satellite.Playback;

/// <summary>
/// Downlink decoding through Jarvis.Protocol's Opus decoder at the playback rate (it decodes hybrid packets,
/// such as PersonaPlex's 80 ms ones, at 48 kHz internally when the managed codec is in use). A packet that
/// does not decode is concealed instead and counted.
/// </summary>
public sealed class OpusPacketDecoder(int sampleRate) : IAudioPacketDecoder, IDisposable
{
    private readonly OpusFrameDecoder decoder = OpusFrameDecoder.Create(sampleRate);
    private long corrupt;

    public int SampleRate => decoder.SampleRate;

    public long CorruptPackets => Interlocked.Read(ref corrupt);

    public int GetSampleCount(ReadOnlySpan<byte> packet) =>
        OpusPacket.TryGetSampleCount(packet, SampleRate, out var samples) ? samples : 0;

    public int Decode(ReadOnlySpan<byte> packet, Span<short> pcm)
    {
        try
        {
            return decoder.Decode(packet, pcm);
        }
        catch (InvalidDataException)
        {
            Interlocked.Increment(ref corrupt);
            return decoder.DecodeLost(pcm, GetSampleCount(packet));
        }
    }

    public int DecodeLost(Span<short> pcm, int samples) => decoder.DecodeLost(pcm, samples);

    public int DecodeFec(ReadOnlySpan<byte> nextPacket, Span<short> pcm, int samples)
    {
        try
        {
            return decoder.DecodeFec(nextPacket, pcm, samples);
        }
        catch (InvalidDataException)
        {
            Interlocked.Increment(ref corrupt);
            return decoder.DecodeLost(pcm, samples);
        }
    }

    public void Dispose() => decoder.Dispose();
}
