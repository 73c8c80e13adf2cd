using Jarvis.Protocol.Opus;

namespace Jarvis.Server.Tests.PersonaPlex.Realtime;

/// <summary>Which of two test tones a piece of audio carries (Goertzel power), and helpers to decode what a room heard.</summary>
internal static class Tone
{
    public const double Kitchen = 440;
    public const double Office = 1000;

    /// <summary>Power of <paramref name="frequency"/> in <paramref name="samples"/> (Goertzel), normalised by length.</summary>
    public static double Power(ReadOnlySpan<float> samples, double frequency, int sampleRate)
    {
        var coefficient = 2 * Math.Cos(2 * Math.PI * frequency / sampleRate);
        double s1 = 0, s2 = 0;
        foreach (var x in samples)
        {
            var s0 = x + (coefficient * s1) - s2;
            s2 = s1;
            s1 = s0;
        }

        return ((s1 * s1) + (s2 * s2) - (coefficient * s1 * s2)) / samples.Length / samples.Length;
    }

    /// <summary>RMS of <paramref name="samples"/>.</summary>
    public static double Rms(ReadOnlySpan<float> samples)
    {
        var sum = 0.0;
        foreach (var x in samples)
        {
            sum += x * x;
        }

        return samples.IsEmpty ? 0 : Math.Sqrt(sum / samples.Length);
    }

    /// <summary>The tone (<see cref="Kitchen"/> or <see cref="Office"/>) that dominates, or 0 when the audio is near silence.</summary>
    public static double Dominant(ReadOnlySpan<float> samples, int sampleRate)
    {
        if (Rms(samples) < 0.01)
        {
            return 0;
        }

        var kitchen = Power(samples, Kitchen, sampleRate);
        var office = Power(samples, Office, sampleRate);
        return kitchen > 10 * office ? Kitchen : office > 10 * kitchen ? Office : -1;
    }

    /// <summary>Decodes Opus packets (any frame size) at 24 kHz into one float signal.</summary>
    public static float[] Decode(IEnumerable<byte[]> packets)
    {
        using var decoder = OpusFrameDecoder.Create(24000);
        var pcm = new short[OpusFrameDecoder.MaxSamplesPerPacket(24000)];
        var signal = new List<float>();
        foreach (var packet in packets)
        {
            var count = decoder.Decode(packet, pcm);
            signal.AddRange(pcm.Take(count).Select(s => s / 32768f));
        }

        return signal.ToArray();
    }

    /// <summary>The tones heard in consecutive 80 ms windows of <paramref name="signal"/> (24 kHz), silence left out.</summary>
    public static IReadOnlyList<double> Heard(float[] signal)
    {
        var heard = new List<double>();
        for (var at = 0; at + 1920 <= signal.Length; at += 1920)
        {
            var tone = Dominant(signal.AsSpan(at, 1920), 24000);
            if (tone != 0)
            {
                heard.Add(tone);
            }
        }

        return heard;
    }
}
