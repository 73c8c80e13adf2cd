using Jarvis.Protocol.Opus;

namespace Jarvis.Server.PersonaPlex.Sessions;

/// <summary>One 20 ms Opus packet of digital silence at 24 kHz, encoded once and reused for every silence frame.</summary>
internal static class SilencePacket
{
    public const int Milliseconds = 20;

    private static readonly Lazy<byte[]> Packet = new(Encode);

    public static ReadOnlyMemory<byte> Bytes => Packet.Value;

    public static TimeSpan Duration => TimeSpan.FromMilliseconds(Milliseconds);

    private static byte[] Encode()
    {
        using var encoder = OpusFrameEncoder.Create(new OpusEncoderOptions { SampleRate = 24000, FrameMilliseconds = Milliseconds });
        Span<short> pcm = stackalloc short[encoder.FrameSamples];
        pcm.Clear();
        Span<byte> packet = stackalloc byte[1275];
        var length = encoder.Encode(pcm, packet);
        return packet[..length].ToArray();
    }
}
