using Jarvis.Server.Conversation;

namespace Jarvis.Server.Tests.Conversation;

public sealed class PreRollPacketsTests
{
    [Fact]
    public void Keeps_the_most_recent_packets_oldest_first()
    {
        var ring = new PreRollPackets(3);
        for (byte i = 1; i <= 5; i++)
        {
            ring.Add([i, i]);
        }

        Assert.Equal(3, ring.Count);
        Assert.Equal([3, 3], ring[0].ToArray());
        Assert.Equal([5, 5], ring[2].ToArray());
    }

    [Fact]
    public void Clear_empties_it_and_an_oversized_or_zero_capacity_ring_keeps_nothing()
    {
        var ring = new PreRollPackets(2);
        ring.Add([1]);
        ring.Clear();
        Assert.Equal(0, ring.Count);
        ring.Add(new byte[2000]);
        Assert.Equal(0, ring.Count);

        var none = new PreRollPackets(0);
        none.Add([1]);
        Assert.Equal(0, none.Count);
    }
}
