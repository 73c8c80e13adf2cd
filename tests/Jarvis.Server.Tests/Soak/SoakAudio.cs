using Jarvis.Protocol.Opus;

namespace Jarvis.Server.Tests.Soak;

/// <summary>The household's sounds as 16 kHz, 20 ms Opus packets: a loud tone the wake emulator takes for the wake word, and speech.</summary>
internal static class SoakAudio
{
    /// <summary>500 ms of a loud 300 Hz tone (the wake emulator's "hey jarvis").</summary>
    public static IReadOnlyList<byte[]> WakeWord { get; } = Tone(25, 300, 9000);

    /// <summary>One second of a 440 Hz tone, what a sentence is to the server.</summary>
    public static IReadOnlyList<byte[]> Sentence { get; } = Tone(50, 440, 8000);

    /// <summary>Three seconds of talk (follow-me needs it sustained).</summary>
    public static IReadOnlyList<byte[]> LongTalk { get; } = Tone(150, 440, 8000);

    /// <summary>
    /// Whether 16-bit mono <paramref name="pcm"/> is a <see cref="Sentence"/> rather than the <see cref="WakeWord"/>: more of its
    /// power at 440 Hz than at 300 Hz (Goertzel). The ASR emulator transcribes only what was said as the sentence.
    /// </summary>
    public static bool IsSentence(ReadOnlySpan<byte> pcm, int sampleRate)
    {
        var samples = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, short>(pcm[..(pcm.Length & ~1)]);
        var signal = new float[samples.Length];
        for (var i = 0; i < samples.Length; i++)
        {
            signal[i] = samples[i] / 32768f;
        }

        return signal.Length > 0 && PersonaPlex.Realtime.Tone.Power(signal, 440, sampleRate) > PersonaPlex.Realtime.Tone.Power(signal, 300, sampleRate);
    }

    private static List<byte[]> Tone(int frames, double hertz, double amplitude)
    {
        using var encoder = OpusFrameEncoder.Create(new OpusEncoderOptions { SampleRate = 16000, FrameMilliseconds = 20 });
        var pcm = new short[encoder.FrameSamples];
        var buffer = new byte[1275];
        var packets = new List<byte[]>();
        for (var frame = 0; frame < frames; frame++)
        {
            for (var i = 0; i < pcm.Length; i++)
            {
                pcm[i] = (short)(amplitude * Math.Sin(2 * Math.PI * hertz * ((frame * pcm.Length) + i) / 16000.0));
            }

            packets.Add(buffer.AsSpan(0, encoder.Encode(pcm, buffer)).ToArray());
        }

        return packets;
    }
}
