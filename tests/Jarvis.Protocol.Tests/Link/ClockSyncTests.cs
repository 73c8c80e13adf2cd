using Jarvis.Protocol.Link;

namespace Jarvis.Protocol.Tests.Link;

public sealed class ClockSyncTests
{
    [Fact]
    public void Symmetric_delays_give_the_exact_offset_and_round_trip()
    {
        // Remote clock is 1,000,000 µs ahead; 3 ms each way; the remote holds the ping for 0.5 ms.
        const long offset = 1_000_000;
        long t0 = 50_000, t1 = t0 + 3_000 + offset, t2 = t1 + 500, t3 = t2 - offset + 3_000;

        Assert.True(ClockSample.TryCompute(t0, t1, t2, t3, out var sample));

        Assert.Equal(6_000, sample.RoundTripUs);
        Assert.Equal(offset, sample.OffsetUs);
    }

    [Fact]
    public void The_offset_comes_from_the_fastest_exchange_in_the_window()
    {
        var sync = new ClockSync(window: 4);
        const long offset = -250_000;
        Exchange(sync, 0, offset, outbound: 40_000, inbound: 2_000); // queued uplink: biased offset
        Exchange(sync, 100_000, offset, outbound: 1_000, inbound: 1_000);
        Exchange(sync, 200_000, offset, outbound: 2_000, inbound: 30_000);

        Assert.Equal(offset, sync.OffsetUs);
        Assert.Equal(2_000, sync.MinRoundTripUs);
        Assert.Equal(32_000, sync.Latest.RoundTripUs);
        Assert.Equal(10_000 - offset, sync.RemoteToLocal(10_000));
        Assert.Equal(10_000 + offset, sync.LocalToRemote(10_000));
    }

    [Fact]
    public void Old_samples_leave_the_window()
    {
        var sync = new ClockSync(window: 2);
        Exchange(sync, 0, 500, outbound: 100, inbound: 100);
        Exchange(sync, 1_000_000, 900, outbound: 5_000, inbound: 5_000);
        Exchange(sync, 2_000_000, 900, outbound: 6_000, inbound: 6_000);

        Assert.Equal(900, sync.OffsetUs);
        Assert.Equal(10_000, sync.MinRoundTripUs);
    }

    [Fact]
    public void The_round_trip_is_smoothed()
    {
        var sync = new ClockSync();
        Exchange(sync, 0, 0, outbound: 4_000, inbound: 4_000);
        Exchange(sync, 1_000_000, 0, outbound: 12_000, inbound: 12_000);

        Assert.Equal(8_000 + (24_000 - 8_000) / 8, sync.SmoothedRoundTripUs);
    }

    [Theory]
    [InlineData(100, 200, 150, 300)] // remote sent before it received
    [InlineData(100, 200, 300, 50)] // answer before the question
    [InlineData(100, 200, 10_000, 300)] // remote hold longer than the round trip
    public void Inconsistent_exchanges_are_dropped(long t0, long t1, long t2, long t3)
    {
        var sync = new ClockSync();

        Assert.False(sync.Add(t0, t1, t2, t3));
        Assert.False(sync.HasEstimate);
    }

    private static void Exchange(ClockSync sync, long t0, long offset, long outbound, long inbound)
    {
        var t1 = t0 + outbound + offset;
        var t2 = t1 + 100;
        Assert.True(sync.Add(t0, t1, t2, t2 - offset + inbound));
    }
}
