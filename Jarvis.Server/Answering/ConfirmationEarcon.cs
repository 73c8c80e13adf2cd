using Jarvis.Protocol.Opus;
using Jarvis.Server.Speech;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Answering;

/// <summary>
/// The short rising two-note chime (G5 then C6, 200 ms) that confirms a home command carried out while the duplex model
/// talks: Opus packets at the room's rate, encoded once on first use and reused.
/// </summary>
public sealed class ConfirmationEarcon(IOptions<RoomAudioOptions> options)
{
    private const int FramesPerNote = 5;
    private static readonly double[] Notes = [784, 1047];

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
        var noteSamples = FramesPerNote * pcm.Length;
        var fade = room.SampleRate / 100;
        for (var frame = 0; frame < Notes.Length * FramesPerNote; frame++)
        {
            var frequency = Notes[frame / FramesPerNote];
            for (var i = 0; i < pcm.Length; i++)
            {
                var n = (frame % FramesPerNote * pcm.Length) + i;
                var envelope = Math.Min(1, Math.Min(n, noteSamples - n) / (double)fade);
                pcm[i] = (short)(5000 * envelope * Math.Sin(2 * Math.PI * frequency * n / room.SampleRate));
            }

            clip.Add(packet.AsSpan(0, encoder.Encode(pcm, packet)), pcm.Length);
        }

        return clip;
    }
}
