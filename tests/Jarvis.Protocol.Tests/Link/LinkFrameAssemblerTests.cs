using Jarvis.Protocol.Link;

namespace Jarvis.Protocol.Tests.Link;

public sealed class LinkFrameAssemblerTests
{
    private static byte[] Bytes(int length) => Enumerable.Range(0, length).Select(i => (byte)(i * 7)).ToArray();

    [Fact]
    public void Fragments_are_joined_into_one_message()
    {
        using var assembler = new LinkFrameAssembler();
        var message = Bytes(1000);

        Assert.Equal(FragmentStatus.NeedMore, assembler.Append(message.AsSpan(0, 300), endOfMessage: false));
        Assert.True(assembler.Message.IsEmpty);
        Assert.Equal(FragmentStatus.NeedMore, assembler.Append(message.AsSpan(300, 0), endOfMessage: false));
        Assert.Equal(FragmentStatus.Complete, assembler.Append(message.AsSpan(300), endOfMessage: true));

        Assert.Equal(message, assembler.Message.ToArray());
    }

    [Fact]
    public void A_message_fed_one_byte_at_a_time_through_GetMemory_is_read_like_a_whole_one()
    {
        using var assembler = new LinkFrameAssembler();
        var frame = new byte[AudioFrameCodec.FrameLength(5000)];
        AudioFrameCodec.Write(new LinkAudioHeader(StreamDirection.Uplink, LinkCodec.Opus, 9, 99), Bytes(5000), frame);

        var status = FragmentStatus.NeedMore;
        for (var i = 0; i < frame.Length; i++)
        {
            var memory = assembler.GetMemory(1);
            memory.Span[0] = frame[i];
            status = assembler.Advance(1, endOfMessage: i == frame.Length - 1);
        }

        Assert.Equal(FragmentStatus.Complete, status);
        var result = new LinkMessageReader(LinkPeer.Server).Read(LinkFrameType.Binary, assembler.Message);
        Assert.Equal(LinkReadKind.Audio, result.Kind);
        Assert.Equal(9u, result.Audio.Sequence);
        Assert.Equal(Bytes(5000), result.Payload.ToArray());
    }

    [Fact]
    public void The_next_fragment_after_a_complete_message_starts_a_new_one()
    {
        using var assembler = new LinkFrameAssembler();
        assembler.Append([1, 2, 3], endOfMessage: true);

        Assert.Equal(FragmentStatus.Complete, assembler.Append([4], endOfMessage: true));
        Assert.Equal(new byte[] { 4 }, assembler.Message.ToArray());
    }

    [Fact]
    public void A_message_of_exactly_64_KiB_is_accepted()
    {
        using var assembler = new LinkFrameAssembler();
        var message = Bytes(LinkProtocol.MaxFrameBytes);

        assembler.Append(message.AsSpan(0, 40_000), endOfMessage: false);

        Assert.Equal(FragmentStatus.Complete, assembler.Append(message.AsSpan(40_000), endOfMessage: true));
        Assert.Equal(LinkProtocol.MaxFrameBytes, assembler.Message.Length);
    }

    [Fact]
    public void A_message_over_the_limit_is_reported_and_the_rest_of_it_discarded()
    {
        using var assembler = new LinkFrameAssembler(maxMessageBytes: 100);

        Assert.Equal(FragmentStatus.NeedMore, assembler.Append(Bytes(60), endOfMessage: false));
        Assert.Equal(FragmentStatus.TooLarge, assembler.Append(Bytes(60), endOfMessage: false));
        Assert.Equal(FragmentStatus.TooLarge, assembler.Append(Bytes(10), endOfMessage: true));

        Assert.Equal(FragmentStatus.Complete, assembler.Append(Bytes(5), endOfMessage: true));
        Assert.Equal(Bytes(5), assembler.Message.ToArray());
    }

    [Fact]
    public void Receiving_past_the_limit_through_GetMemory_is_noticed()
    {
        using var assembler = new LinkFrameAssembler(maxMessageBytes: 100);

        var memory = assembler.GetMemory(1000);
        Assert.Equal(101, memory.Length);

        Assert.Equal(FragmentStatus.TooLarge, assembler.Advance(101, endOfMessage: false));
    }

    [Fact]
    public void Reset_forgets_a_partial_message()
    {
        using var assembler = new LinkFrameAssembler();
        assembler.Append([1, 2], endOfMessage: false);

        assembler.Reset();

        Assert.Equal(FragmentStatus.Complete, assembler.Append([3], endOfMessage: true));
        Assert.Equal(new byte[] { 3 }, assembler.Message.ToArray());
    }

    [Fact]
    public void Advancing_past_the_memory_handed_out_is_an_argument_error()
    {
        using var assembler = new LinkFrameAssembler(maxMessageBytes: 10);
        assembler.GetMemory(4);

        Assert.Throws<ArgumentOutOfRangeException>(() => assembler.Advance(1_000_000, endOfMessage: true));
    }
}
