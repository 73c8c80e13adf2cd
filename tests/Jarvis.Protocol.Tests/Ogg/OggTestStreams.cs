using System.Buffers;
using Jarvis.Protocol.Ogg;

namespace Jarvis.Protocol.Tests.Ogg;

/// <summary>Builds Ogg Opus byte streams and drains readers for the tests.</summary>
internal static class OggTestStreams
{
    public static readonly OpusHead PersonaPlexHead = new(1, 1, 3840, 24000, 0, 0);

    public static byte[] Write(IEnumerable<byte[]> packets, int maxPacketsPerPage = 1, bool endOfStream = false, uint serial = 7)
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new OggOpusWriter(serial, PersonaPlexHead, "test", maxPacketsPerPage);
        writer.WriteHeaders(output);
        foreach (var packet in packets)
        {
            writer.WritePacket(packet, 960, output);
        }

        writer.Flush(output, endOfStream);
        return output.WrittenSpan.ToArray();
    }

    public static byte[] Packet(int length, int seed)
    {
        var packet = new byte[length];
        new Random(seed).NextBytes(packet);
        return packet;
    }

    /// <summary>Reads every available packet (copied), and returns the final status.</summary>
    public static (List<(byte[] Data, OggPacket Info)> Packets, OggReadStatus Status) Drain(OggOpusReader reader)
    {
        var packets = new List<(byte[], OggPacket)>();
        OggReadStatus status;
        while ((status = reader.TryReadPacket(out var packet)) == OggReadStatus.Packet)
        {
            packets.Add((packet.Data.ToArray(), packet));
        }

        return (packets, status);
    }

    /// <summary>Audio (non-header) packets of a whole stream fed in one chunk.</summary>
    public static List<byte[]> ReadAudio(byte[] stream, out OggOpusReader reader, OggReaderOptions? options = null)
    {
        reader = new OggOpusReader(options);
        reader.Append(stream);
        var (packets, _) = Drain(reader);
        return packets.Where(p => !p.Info.IsHeader).Select(p => p.Data).ToList();
    }
}
