using System.Net;
using System.Net.Sockets;
using Jarvis.Server.Reconnect;
using Jarvis.Server.Tests.HomeAssistant;
using Microsoft.Extensions.Time.Testing;

namespace Jarvis.Server.Tests.Reconnect;

public sealed class ReconnectWaitTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LongBackoff = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider _time = new();
    private readonly ScriptedPortProbe _probe = new();

    [Fact]
    public async Task A_backend_back_during_a_long_backoff_ends_the_wait_within_one_probe_interval()
    {
        var wait = new ReconnectWait("127.0.0.1", 8998, Interval, _time, _probe).DelayAsync(LongBackoff, CancellationToken.None);
        await StepAsync(4); // closed for a second
        await ProbedAsync(5);
        var started = _time.GetTimestamp();

        _probe.Open = true;
        var probes = _probe.Probes;
        _time.Advance(Interval);
        await Eventually.TrueAsync(() => wait.IsCompleted, because: "the wait ends at the first probe the port accepts");

        Assert.True(await wait);
        Assert.Equal(probes + 1, _probe.Probes);
        Assert.Equal(Interval, _time.GetElapsedTime(started));
    }

    [Fact]
    public async Task A_port_that_accepts_but_failed_the_handshake_waits_out_the_whole_backoff_with_two_probes()
    {
        _probe.Open = true;
        var wait = new ReconnectWait("127.0.0.1", 8998, Interval, _time, _probe).DelayAsync(LongBackoff, CancellationToken.None);
        await ProbedAsync(1);
        _time.Advance(ReconnectWait.SecondLook);
        await ProbedAsync(2);

        _time.Advance(LongBackoff - ReconnectWait.SecondLook - TimeSpan.FromMilliseconds(1));
        await Task.Yield();
        Assert.False(wait.IsCompleted);

        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(await wait);
        Assert.Equal(2, _probe.Probes);
    }

    [Fact]
    public async Task A_backend_on_its_way_down_still_accepting_at_the_first_probe_is_reconnected_when_it_is_back()
    {
        _probe.Open = true; // it dropped the connection, its listener closes a moment later
        var wait = new ReconnectWait("127.0.0.1", 8998, Interval, _time, _probe).DelayAsync(LongBackoff, CancellationToken.None);
        await ProbedAsync(1);
        _probe.Open = false;
        _time.Advance(ReconnectWait.SecondLook);
        await ProbedAsync(2);
        for (var probe = 3; probe <= 6; probe++) // down for a second
        {
            _time.Advance(Interval);
            await ProbedAsync(probe);
        }

        Assert.False(wait.IsCompleted);

        _probe.Open = true;
        _time.Advance(Interval);
        await Eventually.TrueAsync(() => wait.IsCompleted, because: "the wait ends at the first probe the port accepts again");
        Assert.True(await wait);
    }

    [Fact]
    public async Task A_port_that_stays_closed_waits_out_the_backoff_and_no_probe_runs_after_it()
    {
        var wait = new ReconnectWait("127.0.0.1", 8998, Interval, _time, _probe).DelayAsync(TimeSpan.FromSeconds(2), CancellationToken.None);
        await StepAsync(8); // probes at 0, 0.25 … 1.75 s; the back-off ends at 2 s
        Assert.False(await wait);
        var probes = _probe.Probes;
        Assert.InRange(probes, 8, 9);

        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(probes, _probe.Probes);
    }

    [Theory]
    [InlineData(250, 250)] // a back-off no longer than the probe interval
    [InlineData(0, 30_000)] // probing turned off
    public async Task No_probe_when_it_cannot_help(int intervalMs, int backoffMs)
    {
        var wait = new ReconnectWait("127.0.0.1", 8998, TimeSpan.FromMilliseconds(intervalMs), _time, _probe)
            .DelayAsync(TimeSpan.FromMilliseconds(backoffMs), CancellationToken.None);
        _time.Advance(TimeSpan.FromMilliseconds(backoffMs));
        Assert.False(await wait);
        Assert.Equal(0, _probe.Probes);
    }

    [Fact]
    public async Task Cancelling_the_wait_stops_it_and_its_probes()
    {
        using var stop = new CancellationTokenSource();
        var wait = new ReconnectWait("127.0.0.1", 8998, Interval, _time, _probe).DelayAsync(LongBackoff, stop.Token);
        await StepAsync(2);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
        var probes = _probe.Probes;
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(probes, _probe.Probes);
    }

    [Fact]
    public async Task The_tcp_probe_tells_a_listening_port_from_a_closed_one()
    {
        var probe = new TcpPortProbe(TimeProvider.System);
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        try
        {
            Assert.True(await probe.AcceptsAsync([IPAddress.Loopback], port, TimeSpan.FromSeconds(5), CancellationToken.None));
        }
        finally
        {
            listener.Stop();
        }

        Assert.False(await probe.AcceptsAsync([IPAddress.Loopback], port, TimeSpan.FromSeconds(5), CancellationToken.None));
    }

    /// <summary>From the start of a wait: lets each of <paramref name="intervals"/> probes run, then moves the fake clock one interval.</summary>
    private async Task StepAsync(int intervals)
    {
        for (var i = 1; i <= intervals; i++)
        {
            await ProbedAsync(i);
            _time.Advance(Interval);
        }
    }

    private Task ProbedAsync(int count) => Eventually.TrueAsync(() => _probe.Probes >= count, because: $"probe {count} ran");
}
