using System.Text.Json;
using Jarvis.Protocol.Link.Messages;
using Jarvis.Server.Satellites;
using Jarvis.Server.Tests.Hub;

namespace Jarvis.Server.Tests.Satellites;

public sealed class PlaybackLagTests
{
    private static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Sustain = TimeSpan.FromSeconds(10);
    private readonly DateTimeOffset _t0 = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_depth_above_target_plus_margin_for_the_sustain_time_is_one_episode()
    {
        var lag = new PlaybackLag();

        var started = Enumerable.Range(0, 6).Select(i => lag.Observe(1020, 40, Margin, Sustain, _t0.AddSeconds(5 * i))).ToList();

        Assert.Equal([false, false, true, false, false, false], started);
        Assert.True(lag.Lagging);
        Assert.Equal(1, lag.Episodes);
        Assert.Equal(980, lag.ExcessMilliseconds);
    }

    [Fact]
    public void A_short_excess_or_one_within_the_margin_is_not_late()
    {
        var lag = new PlaybackLag();

        lag.Observe(1020, 40, Margin, Sustain, _t0);
        lag.Observe(120, 40, Margin, Sustain, _t0.AddSeconds(5));
        lag.Observe(1020, 40, Margin, Sustain, _t0.AddSeconds(10));
        lag.Observe(1020, 40, Margin, Sustain, _t0.AddSeconds(15));

        Assert.False(lag.Lagging);
        Assert.Equal(0, lag.Episodes);
    }

    [Fact]
    public void Catching_up_ends_the_episode_and_a_new_one_counts_again()
    {
        var lag = new PlaybackLag();
        lag.Observe(500, 40, Margin, TimeSpan.Zero, _t0);
        lag.Observe(60, 40, Margin, TimeSpan.Zero, _t0.AddSeconds(5));
        Assert.False(lag.Lagging);

        Assert.True(lag.Observe(500, 40, Margin, TimeSpan.Zero, _t0.AddSeconds(10)));
        Assert.Equal(2, lag.Episodes);
    }

    [Fact]
    public async Task Late_playback_shows_on_the_status_page_in_metrics_and_is_logged_once()
    {
        await using var server = await HubTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Satellites:PlaybackLagSustain"] = "00:00:00",
        });
        await using var kitchen = await SimulatedSatellite.ConnectAsync(server.LinkUri, "kitchen");
        await kitchen.WaitWelcomedAsync();
        using var http = server.ApiClient();

        for (var i = 0; i < 3; i++)
        {
            await kitchen.SendAsync(new LinkStatsMessage(500, 480, 0, 0, 2, 1020, 40, 0, 0, 0));
        }

        await Eventually.TrueAsync(async () => (await http.GetStringAsync("/metrics")).Contains("jarvis_satellites_playback_late 1\n", StringComparison.Ordinal),
            "/metrics counts the kitchen as late");
        using (var status = JsonDocument.Parse(await http.GetStringAsync("/api/status")))
        {
            var warnings = status.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();
            Assert.Contains(warnings, w => w.Contains("Playback in kitchen is late", StringComparison.Ordinal) && w.Contains("980 ms", StringComparison.Ordinal));
            var satellite = status.RootElement.GetProperty("rooms").EnumerateArray()
                .Single(r => r.GetProperty("room").GetString() == "kitchen").GetProperty("satellite");
            Assert.Equal(1020, satellite.GetProperty("bufferMs").GetDouble());
            Assert.Equal(40, satellite.GetProperty("bufferTargetMs").GetDouble());
        }

        // The gauge reads the lag as soon as it is observed; the warning is written just after it, on the reading loop.
        await Eventually.TrueAsync(() => server.Errors.All.Any(l => l.Contains("Playback in kitchen is late", StringComparison.Ordinal)),
            "the warning is logged");
        Assert.Single(server.Errors.All, l => l.Contains("Playback in kitchen is late", StringComparison.Ordinal));

        await kitchen.SendAsync(new LinkStatsMessage(600, 580, 0, 0, 2, 40, 40, 0, 0, 0));
        await Eventually.TrueAsync(async () => (await http.GetStringAsync("/metrics")).Contains("jarvis_satellites_playback_late 0\n", StringComparison.Ordinal),
            "the kitchen caught up");
        using var after = JsonDocument.Parse(await http.GetStringAsync("/api/status"));
        Assert.DoesNotContain(after.RootElement.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("Playback", StringComparison.Ordinal));
    }
}
