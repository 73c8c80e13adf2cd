using Jarvis.Protocol.Opus;

namespace Jarvis.Server.Speech;

/// <summary>One tone of an earcon: <see cref="Frames"/> room frames of a sine at <see cref="Frequency"/> (0: silence),
/// faded in and out over <see cref="FadeMilliseconds"/>.</summary>
public readonly record struct Tone(double Frequency, int Frames, short Amplitude, int FadeMilliseconds);

/// <summary>Earcons made of tones, encoded as Opus packets at the room's rate (done once by each earcon and replayed).</summary>
public static class ToneClip
{
    public static OpusRecording Encode(RoomAudioOptions room, ReadOnlySpan<Tone> tones)
    {
        using var encoder = OpusFrameEncoder.Create(new OpusEncoderOptions
        {
            SampleRate = room.SampleRate, FrameMilliseconds = room.FrameMilliseconds, Application = OpusApplicationKind.Audio, Bitrate = room.Bitrate,
        });
        var pcm = new short[encoder.FrameSamples];
        var packet = new byte[1275];
        var clip = new OpusRecording { SampleRate = room.SampleRate };
        foreach (var tone in tones)
        {
            var toneSamples = tone.Frames * pcm.Length;
            var fade = Math.Max(1, room.SampleRate * tone.FadeMilliseconds / 1000);
            for (var frame = 0; frame < tone.Frames; frame++)
            {
                for (var i = 0; i < pcm.Length; i++)
                {
                    var n = (frame * pcm.Length) + i;
                    var envelope = tone.Frequency <= 0 ? 0 : Math.Min(1, Math.Min(n, toneSamples - n) / (double)fade);
                    pcm[i] = (short)(tone.Amplitude * envelope * Math.Sin(2 * Math.PI * tone.Frequency * n / room.SampleRate));
                }

                clip.Add(packet.AsSpan(0, encoder.Encode(pcm, packet)), pcm.Length);
            }
        }

        return clip;
    }
}
