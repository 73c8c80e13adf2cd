using Jarvis.Protocol.Opus;

namespace Jarvis.Server.Tests.PersonaPlex.Support;

/// <summary>Real Opus packets as a satellite would send them (16 kHz, 20 ms), each one different.</summary>
internal static class TestPackets
{
    public static IReadOnlyList<byte[]> Tone(int count, int sampleRate = 16000, double frequency = 440)
    {
        using var encoder = OpusFrameEncoder.Create(new OpusEncoderOptions { SampleRate = sampleRate, FrameMilliseconds = 20 });
        var pcm = new short[encoder.FrameSamples];
        var packet = new byte[1275];
        var packets = new List<byte[]>(count);
        for (var n = 0; n < count; n++)
        {
            for (var i = 0; i < pcm.Length; i++)
            {
                var t = (double)((n * pcm.Length) + i) / sampleRate;
                pcm[i] = (short)(8000 * Math.Sin(2 * Math.PI * frequency * t) * (0.5 + (0.5 * Math.Sin(2 * Math.PI * 3 * t))));
            }

            packets.Add(packet.AsSpan(0, encoder.Encode(pcm, packet)).ToArray());
        }

        return packets;
    }

    /// <summary>Digital silence: <paramref name="count"/> 20 ms packets at 16 kHz.</summary>
    public static IReadOnlyList<byte[]> Silence(int count)
    {
        using var encoder = OpusFrameEncoder.Create(new OpusEncoderOptions { SampleRate = 16000, FrameMilliseconds = 20 });
        var pcm = new short[encoder.FrameSamples];
        var packet = new byte[1275];
        var packets = new List<byte[]>(count);
        for (var n = 0; n < count; n++)
        {
            packets.Add(packet.AsSpan(0, encoder.Encode(pcm, packet)).ToArray());
        }

        return packets;
    }
}
