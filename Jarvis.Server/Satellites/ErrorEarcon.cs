using Jarvis.Protocol.Opus;

namespace Jarvis.Server.Satellites;

/// <summary>
/// The short descending two-tone a room hears when PersonaPlex fails mid-conversation: 24 kHz Opus packets (20 ms),
/// encoded once on first use and reused.
/// </summary>
public sealed class ErrorEarcon
{
    private const int SampleRate = 24000;
    private readonly Lazy<IReadOnlyList<byte[]>> _packets = new(Encode);

    public IReadOnlyList<byte[]> Packets => _packets.Value;

    private static IReadOnlyList<byte[]> Encode()
    {
        using var encoder = OpusFrameEncoder.Create(new OpusEncoderOptions { SampleRate = SampleRate, FrameMilliseconds = 20, Application = OpusApplicationKind.Audio });
        var pcm = new short[encoder.FrameSamples];
        var packet = new byte[1275];
        var packets = new List<byte[]>();
        double[] tones = [660, 440];
        const int framesPerTone = 8;
        for (var frame = 0; frame < tones.Length * framesPerTone; frame++)
        {
            var frequency = tones[frame / framesPerTone];
            for (var i = 0; i < pcm.Length; i++)
            {
                var n = (frame % framesPerTone * pcm.Length) + i;
                var envelope = Math.Min(1, Math.Min(n, (framesPerTone * pcm.Length) - n) / 240.0);
                pcm[i] = (short)(6000 * envelope * Math.Sin(2 * Math.PI * frequency * n / SampleRate));
            }

            packets.Add(packet.AsSpan(0, encoder.Encode(pcm, packet)).ToArray());
        }

        return packets;
    }
}
