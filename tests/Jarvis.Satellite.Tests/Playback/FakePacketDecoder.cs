using Jarvis.Satellite.Playback;

namespace Jarvis.Satellite.Tests.Playback;

/// <summary>Packet = [value, duration in ms]: decodes to value × 100 for that long; PLC gives 1, FEC gives 2.</summary>
internal sealed class FakePacketDecoder(int sampleRate = 16000) : IAudioPacketDecoder
{
    public const short Concealed = 1;
    public const short FromFec = 2;

    public int SampleRate { get; } = sampleRate;

    public static byte[] Packet(byte value, byte milliseconds = 20) => [value, milliseconds];

    public int GetSampleCount(ReadOnlySpan<byte> packet) => packet.Length == 2 ? SampleRate * packet[1] / 1000 : 0;

    public int Decode(ReadOnlySpan<byte> packet, Span<short> pcm) => Fill(pcm, GetSampleCount(packet), (short)(packet[0] * 100));

    public int DecodeLost(Span<short> pcm, int samples) => Fill(pcm, samples, Concealed);

    public int DecodeFec(ReadOnlySpan<byte> nextPacket, Span<short> pcm, int samples) => Fill(pcm, samples, FromFec);

    private static int Fill(Span<short> pcm, int samples, short value)
    {
        pcm[..samples].Fill(value);
        return samples;
    }
}
