using Jarvis.Protocol.Link;
using Jarvis.Protocol.Tests.Link;

namespace Jarvis.Fuzz.Targets;

/// <summary>
/// The link: a message split into fragments through <see cref="LinkFrameAssembler"/> (copied in or received in place),
/// then classified by <see cref="LinkMessageReader"/>, which never throws. Input: one flags byte (bit 0 binary, bit 1 read
/// as the satellite, bit 2 receive in place, bit 3 a 512-byte limit, bits 4-7 fragment size), then the message.
/// </summary>
internal sealed class LinkTarget : FuzzTarget
{
    public override string Name => "link";

    public override string Description => "link message reader and fragment assembler (Jarvis.Protocol/Link)";

    public override IReadOnlyList<string> InstrumentedAssemblies { get; } = ["Jarvis.Protocol.dll"];

    public override void Run(ReadOnlySpan<byte> input)
    {
        var cursor = new FuzzCursor(input);
        var flags = cursor.NextByte();
        var frameType = (flags & 1) != 0 ? LinkFrameType.Binary : LinkFrameType.Text;
        var reader = new LinkMessageReader((flags & 2) != 0 ? LinkPeer.Satellite : LinkPeer.Server);
        var inPlace = (flags & 4) != 0;
        using var assembler = new LinkFrameAssembler((flags & 8) != 0 ? 512 : LinkProtocol.MaxFrameBytes);
        var fragment = (flags >> 4) == 0 ? int.MaxValue : 1 << (flags >> 4);
        var message = cursor.Rest;

        // Twice: the second message reuses the assembler's buffer, as the next message on a connection does.
        for (var round = 0; round < 2; round++)
        {
            var status = FragmentStatus.NeedMore;
            var offset = 0;
            do
            {
                var piece = message.Slice(offset, Math.Min(fragment, message.Length - offset));
                offset += piece.Length;
                var last = offset == message.Length;
                status = inPlace ? ReceiveInPlace(assembler, piece, last) : assembler.Append(piece, last);
            }
            while (offset < message.Length);

            if (status == FragmentStatus.Complete)
            {
                Check(reader.Read(frameType, assembler.Message));
            }
            else if (status != FragmentStatus.TooLarge || message.Length <= assembler.MaxMessageBytes)
            {
                throw new FuzzDefectException($"assembler ended a {message.Length}-byte message with {status}");
            }
        }
    }

    public override IEnumerable<(string Name, byte[] Data)> Seeds()
    {
        foreach (var (sample, index) in LinkSamples.All.Select((s, i) => (s, i)))
        {
            var reader = sample.Sender == LinkPeer.Server ? (byte)2 : (byte)0;
            byte[] json = LinkMessageWriter.ToUtf8(sample.Message);
            yield return ($"control-{index}", [reader, .. json]);
            yield return ($"control-{index}-fragments", [(byte)(reader | 0x54), .. json]);
        }

        var payload = new byte[40];
        var frame = new byte[AudioFrameCodec.FrameLength(payload.Length)];
        AudioFrameCodec.Write(new LinkAudioHeader(StreamDirection.Uplink, LinkCodec.Opus, 7, 123456), payload, frame);
        yield return ("audio-uplink", [1, .. frame]);
        AudioFrameCodec.Write(new LinkAudioHeader(StreamDirection.Downlink, LinkCodec.Pcm16, 9, 42), payload, frame);
        yield return ("audio-downlink", [3 | 0x34, .. frame]);
    }

    private static FragmentStatus ReceiveInPlace(LinkFrameAssembler assembler, ReadOnlySpan<byte> piece, bool last)
    {
        // A socket receives at most what GetMemory offers; the rest of the piece comes in the next receive.
        var status = FragmentStatus.NeedMore;
        do
        {
            var memory = assembler.GetMemory(piece.Length);
            var count = Math.Min(memory.Length, piece.Length);
            piece[..count].CopyTo(memory.Span);
            piece = piece[count..];
            status = assembler.Advance(count, last && piece.IsEmpty);
        }
        while (!piece.IsEmpty && status != FragmentStatus.TooLarge);

        return status;
    }

    private static void Check(LinkReadResult result)
    {
        var ok = result.Kind switch
        {
            LinkReadKind.Audio => !result.Payload.IsEmpty,
            LinkReadKind.Control => result.Message is not null,
            LinkReadKind.Ignored => result.IgnoredType is not null,
            LinkReadKind.Fatal => result.CloseCode is >= LinkCloseCodes.MalformedFrame and <= LinkCloseCodes.IdleTimeout
                                  && !string.IsNullOrEmpty(result.CloseReason),
            _ => false,
        };
        if (!ok)
        {
            throw new FuzzDefectException($"inconsistent read result {result.Kind}");
        }
    }
}
