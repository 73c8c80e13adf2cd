using Jarvis.Protocol.Opus;
using Jarvis.Server.Speech;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Timers;

/// <summary>
/// The ring of an ended timer: three short beeps (A5/E6 alternating, 100 ms each, 60 ms apart), Opus packets at the room's
/// rate with silence packets in the gaps, encoded once on first use and replayed for every ring.
/// </summary>
public sealed class TimerEarcon(IOptions<RoomAudioOptions> options)
{
    private const int Beeps = 3;
    private const int BeepFrames = 5;
    private const int GapFrames = 3;
    private static readonly double[] Tones = [880, 1319];

    private readonly Lazy<OpusRecording> _clip = new(() => Encode(options.Value));

    public OpusRecording Clip => _clip.Value;

    private static OpusRecording Encode(RoomAudioOptions room)
    {
        using var encoder = OpusFrameEncoder.Create(new OpusEncoderOptions
        {
            SampleRate = room.SampleRate, FrameMilliseconds = room.FrameMilliseconds, Application = OpusApplicationKind.Audio, Bitrate = room.Bitrate,
        });
        var pcm = new short[encoder.FrameSamples];
        var packet = new byte[1275];
        var clip = new OpusRecording { SampleRate = room.SampleRate };
        var beepSamples = BeepFrames * pcm.Length;
        var fade = room.SampleRate / 200;
        for (var beep = 0; beep < Beeps; beep++)
        {
            var frequency = Tones[beep % Tones.Length];
            for (var frame = 0; frame < BeepFrames + GapFrames; frame++)
            {
                for (var i = 0; i < pcm.Length; i++)
                {
                    var n = (frame * pcm.Length) + i;
                    var envelope = frame >= BeepFrames ? 0 : Math.Min(1, Math.Min(n, beepSamples - n) / (double)fade);
                    pcm[i] = (short)(7000 * envelope * Math.Sin(2 * Math.PI * frequency * n / room.SampleRate));
                }

                clip.Add(packet.AsSpan(0, encoder.Encode(pcm, packet)), pcm.Length);
            }
        }

        return clip;
    }
}
