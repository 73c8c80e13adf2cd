using System.Text;
using Jarvis.Protocol.Link;

namespace Jarvis.Protocol.Tests.Link;

public sealed class LinkFuzzTests
{
    private const int Frames = 100_000;

    [Fact]
    public void A_hundred_thousand_random_and_mutated_frames_never_throw()
    {
        var random = new Random(20261124);
        var mutator = new LinkFrameMutator(random, Seeds());
        var readers = new[] { new LinkMessageReader(LinkPeer.Server), new LinkMessageReader(LinkPeer.Satellite) };
        using var assembler = new LinkFrameAssembler();
        var kinds = new int[4];

        for (var i = 0; i < Frames; i++)
        {
            var (type, frame) = mutator.Next();
            var reader = readers[i & 1];
            var bytes = i % 10 == 0 ? Reassemble(assembler, frame, random) : frame;
            if (bytes is null)
            {
                continue; // the assembler refused an oversized message: that is the expected outcome
            }

            var result = reader.Read(type, bytes);
            kinds[(int)result.Kind]++;
            AssertWellFormed(result);
        }

        Assert.All(kinds, count => Assert.True(count > 0, $"every outcome occurs: {string.Join(", ", kinds)}"));
        Assert.Equal(Frames, readers.Sum(r => r.AudioFrames + r.ControlMessages + r.UnknownIgnored + r.Rejected)
                             + (Frames - kinds.Sum()));
    }

    private static void AssertWellFormed(LinkReadResult result)
    {
        switch (result.Kind)
        {
            case LinkReadKind.Fatal:
                Assert.InRange(result.CloseCode, 4000, 4999);
                Assert.NotNull(LinkCloseCodes.NameOf(result.CloseCode));
                Assert.InRange(Encoding.UTF8.GetByteCount(result.CloseReason!), 1, LinkProtocol.MaxCloseReasonBytes);
                break;
            case LinkReadKind.Control:
                Assert.NotNull(result.Message);
                break;
            case LinkReadKind.Audio:
                Assert.False(result.Payload.IsEmpty);
                break;
            default:
                Assert.NotNull(result.IgnoredType);
                break;
        }
    }

    private static byte[]? Reassemble(LinkFrameAssembler assembler, byte[] frame, Random random)
    {
        var offset = 0;
        while (true)
        {
            var take = Math.Min(frame.Length - offset, random.Next(0, 200));
            var end = offset + take == frame.Length;
            var status = assembler.Append(frame.AsSpan(offset, take), end);
            offset += take;
            if (status == FragmentStatus.TooLarge)
            {
                if (!end)
                {
                    assembler.Reset();
                }

                return null;
            }

            if (status == FragmentStatus.Complete)
            {
                return assembler.Message.ToArray();
            }
        }
    }

    private static List<(LinkFrameType, byte[])> Seeds()
    {
        var seeds = LinkSamples.All.Select(s => (LinkFrameType.Text, LinkMessageWriter.ToUtf8(s.Message))).ToList();
        foreach (var direction in new[] { StreamDirection.Uplink, StreamDirection.Downlink })
        {
            foreach (var codec in new[] { LinkCodec.Opus, LinkCodec.Pcm16 })
            {
                var frame = new byte[AudioFrameCodec.FrameLength(60)];
                AudioFrameCodec.Write(new LinkAudioHeader(direction, codec, 77, 1_234_567), new byte[60], frame);
                seeds.Add((LinkFrameType.Binary, frame));
            }
        }

        return seeds;
    }
}
