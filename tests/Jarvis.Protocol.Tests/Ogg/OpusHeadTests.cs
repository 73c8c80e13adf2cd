using Jarvis.Protocol.Ogg;

namespace Jarvis.Protocol.Tests.Ogg;

public sealed class OpusHeadTests
{
    [Fact]
    public void Head_round_trips_through_its_19_bytes()
    {
        var head = new OpusHead(1, 2, 312, 48000, -256, 0);
        var bytes = new byte[OpusHead.Size];

        Assert.Equal(OpusHead.Size, head.WriteTo(bytes));
        Assert.True(OpusHead.TryParse(bytes, out var parsed));
        Assert.Equal(head, parsed);
    }

    [Theory]
    [InlineData(1, 0, 0, 19)] // no channels
    [InlineData(16, 1, 0, 19)] // major version 1 (incompatible)
    [InlineData(1, 3, 0, 19)] // family 0 allows only mono and stereo
    [InlineData(1, 3, 1, 19)] // family 1 without its mapping table
    [InlineData(1, 1, 0, 18)] // truncated
    public void Invalid_head_is_rejected(byte version, byte channels, byte family, int length)
    {
        var bytes = new byte[24];
        new OpusHead(version, channels, 312, 48000, 0, family).WriteTo(bytes);

        Assert.False(OpusHead.TryParse(bytes.AsSpan(0, length), out _));
    }

    [Fact]
    public void Head_with_a_channel_mapping_table_is_accepted()
    {
        var bytes = new byte[OpusHead.Size + 2 + 3];
        new OpusHead(1, 3, 312, 48000, 0, 1).WriteTo(bytes);

        Assert.True(OpusHead.TryParse(bytes, out var head));
        Assert.Equal(3, head.Channels);
    }

    [Fact]
    public void Tags_vendor_is_written_and_read_back()
    {
        var bytes = new byte[OpusTags.SizeOf("Jarvis")];

        OpusTags.Write("Jarvis", bytes);

        Assert.Equal("Jarvis", OpusTags.TryReadVendor(bytes));
        Assert.Null(OpusTags.TryReadVendor(bytes.AsSpan(0, 15)));
    }
}
