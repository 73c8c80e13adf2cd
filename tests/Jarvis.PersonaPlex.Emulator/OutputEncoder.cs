using Concentus.Structs;
using Jarvis.Protocol.Opus;

namespace Jarvis.PersonaPlex.Emulator;

/// <summary>
/// Makes one 80 ms Opus packet per model step like PersonaPlex (24 kHz, VOIP): four 20 ms frames joined by Concentus'
/// repacketizer into one multi-frame packet.
/// </summary>
internal sealed class OutputEncoder : IDisposable
{
    public const int StepSamples = 1920;
    private const int FrameSamples = 480;

    private readonly OpusFrameEncoder _encoder = OpusFrameEncoder.Create(new OpusEncoderOptions
    {
        SampleRate = 24000,
        FrameMilliseconds = 20,
        Application = OpusApplicationKind.Voip,
        Bitrate = 0,
    });

    private readonly OpusRepacketizer _repacketizer = new();
    private readonly byte[][] _frames = [new byte[1275], new byte[1275], new byte[1275], new byte[1275]];
    private readonly byte[] _packet = new byte[4 * 1275 + 16];

    /// <summary>Encodes 1920 samples; the returned span is valid until the next call.</summary>
    public ReadOnlySpan<byte> Encode(ReadOnlySpan<short> step)
    {
        _repacketizer.Reset();
        for (var i = 0; i < _frames.Length; i++)
        {
            var length = _encoder.Encode(step.Slice(i * FrameSamples, FrameSamples), _frames[i]);
            var status = _repacketizer.AddPacket(_frames[i], 0, length);
            if (status != 0)
            {
                throw new InvalidOperationException($"repacketizer refused a 20 ms frame ({status})");
            }
        }

        var total = _repacketizer.CreatePacket(_packet, 0, _packet.Length);
        if (total <= 0)
        {
            throw new InvalidOperationException($"repacketizer failed ({total})");
        }

        return _packet.AsSpan(0, total);
    }

    public void Dispose() => _encoder.Dispose();
}
