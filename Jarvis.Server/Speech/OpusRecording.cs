using System.Buffers;

namespace Jarvis.Server.Speech;

/// <summary>Opus packets of one answer kept for replay (the answer cache): one growing buffer plus packet lengths.</summary>
public sealed class OpusRecording
{
    private readonly ArrayBufferWriter<byte> _bytes = new(16 * 1024);
    private readonly List<(int Length, int Samples)> _packets = [];

    public int PacketCount => _packets.Count;

    public int TotalBytes => _bytes.WrittenCount;

    public void Add(ReadOnlySpan<byte> packet, int samples)
    {
        _bytes.Write(packet);
        _packets.Add((packet.Length, samples));
    }

    public async ValueTask ReplayAsync(IRoomAudioSink sink, CancellationToken cancellationToken)
    {
        var offset = 0;
        var all = _bytes.WrittenMemory;
        foreach (var (length, samples) in _packets)
        {
            await sink.SendOpusAsync(all.Slice(offset, length), samples, cancellationToken).ConfigureAwait(false);
            offset += length;
        }
    }
}
