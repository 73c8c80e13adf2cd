using System.Buffers;

namespace Jarvis.Server.Speech;

/// <summary>Opus packets of one answer kept for replay (the answer cache): one growing buffer plus packet lengths.</summary>
public sealed class OpusRecording
{
    private readonly ArrayBufferWriter<byte> _bytes = new(16 * 1024);
    private readonly List<(int Length, int Samples)> _packets = [];

    public int PacketCount => _packets.Count;

    public int TotalBytes => _bytes.WrittenCount;

    /// <summary>The packets in order (slices of one buffer; valid while the recording lives).</summary>
    public IEnumerable<ReadOnlyMemory<byte>> Packets
    {
        get
        {
            var offset = 0;
            foreach (var (length, _) in _packets)
            {
                yield return _bytes.WrittenMemory.Slice(offset, length);
                offset += length;
            }
        }
    }

    /// <summary>The rate the packets' samples count at (0 when the recorder did not say).</summary>
    public int SampleRate { get; init; }

    /// <summary>How long the recording plays (zero when <see cref="SampleRate"/> is unknown).</summary>
    public TimeSpan Duration => SampleRate > 0 ? TimeSpan.FromSeconds((double)_packets.Sum(p => p.Samples) / SampleRate) : TimeSpan.Zero;

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
