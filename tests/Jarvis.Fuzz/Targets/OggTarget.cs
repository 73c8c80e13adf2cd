using Jarvis.Protocol.Ogg;
using Jarvis.Protocol.Opus;
using Jarvis.Protocol.Tests.Ogg;

namespace Jarvis.Fuzz.Targets;

/// <summary>
/// The Ogg Opus reader fed in chunks; it never throws and reports a broken stream as <see cref="OggReadStatus.Error"/>
/// with a reason. Input: one flags byte (bit 0 skip the CRC check so that mutations reach past it, bit 1 allow a stream
/// without BOS, bits 2-3 packet size limit, bits 4-7 chunk size), then the stream.
/// </summary>
internal sealed class OggTarget : FuzzTarget
{
    public override string Name => "ogg";

    public override string Description => "Ogg Opus reader and Opus packet TOC (Jarvis.Protocol/Ogg, Opus)";

    public override IReadOnlyList<string> InstrumentedAssemblies { get; } = ["Jarvis.Protocol.dll"];

    public override void Run(ReadOnlySpan<byte> input)
    {
        var cursor = new FuzzCursor(input);
        var flags = cursor.NextByte();
        var reader = new OggOpusReader(new OggReaderOptions
        {
            VerifyCrc = (flags & 1) == 0,
            RequireBos = (flags & 2) == 0,
            MaxPacketSize = 256 << (4 * ((flags >> 2) & 3)),
        });
        var chunk = (flags >> 4) == 0 ? int.MaxValue : 1 << (flags >> 4);
        var stream = cursor.Rest;
        for (var offset = 0; ; offset += chunk)
        {
            reader.Append(stream.Slice(Math.Min(offset, stream.Length), Math.Min(chunk, Math.Max(0, stream.Length - offset))));
            if (Drain(reader) == OggReadStatus.Error || offset + chunk >= stream.Length)
            {
                break;
            }
        }
    }

    public override IEnumerable<(string Name, byte[] Data)> Seeds()
    {
        var packets = Enumerable.Range(0, 6).Select(i => OggTestStreams.Packet(20 + (i * 37), i)).ToList();
        packets[0][0] = 0x78; // a CELT FB 20 ms TOC, as PersonaPlex sends
        yield return ("one-per-page", [0, .. OggTestStreams.Write(packets)]);
        yield return ("many-per-page-eos", [0x30, .. OggTestStreams.Write(packets, maxPacketsPerPage: 4, endOfStream: true)]);
        yield return ("large-packet", [0x05, .. OggTestStreams.Write([OggTestStreams.Packet(700, 9)])]);
        yield return ("personaplex-headers", [0x20, .. PersonaPlexPages.Page0, .. PersonaPlexPages.Page1]);
    }

    private static OggReadStatus Drain(OggOpusReader reader)
    {
        while (true)
        {
            var status = reader.TryReadPacket(out var packet);
            switch (status)
            {
                case OggReadStatus.Packet when !packet.IsHeader:
                    OpusPacket.TryGetSampleCount(packet.Data.Span, 48000, out _);
                    break;
                case OggReadStatus.Packet:
                    break;
                case OggReadStatus.Error when string.IsNullOrEmpty(reader.Error):
                    throw new FuzzDefectException("error status without a reason");
                default:
                    return status;
            }
        }
    }
}
