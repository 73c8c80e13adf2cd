namespace Jarvis.Server.Tests.Soak;

public sealed class SoakReportTests
{
    [Fact]
    public void Calls_are_attributed_to_the_home_command_before_them_and_lost_and_duplicated_calls_are_counted()
    {
        SoakAttempt[] attempts =
        [
            Home(100, done: true), // one call: exactly once
            Home(200, done: true), // no call: lost
            Talk(250),
            Home(300, done: true), // two calls (one during the talk after it): one duplicated
            Home(400, done: false), // a call although reported failed
        ];
        long[] calls = [150, 310, 350, 420];

        var report = Report(attempts, calls, []);

        Assert.Equal(1, report.LostCalls);
        Assert.Equal(1, report.DuplicatedCalls);
        Assert.Equal(1, report.ExecutedButFailed);
        Assert.Equal(3, report.HomeDone);
        Assert.Equal(3, report.CallMismatches.Count); // each one says when its calls came and what ran meanwhile
        Assert.Contains(report.CallMismatches, m => m.Contains("0 call(s)", StringComparison.Ordinal));
        Assert.Contains(report.CallMismatches, m => m.Contains("2 call(s)", StringComparison.Ordinal));
        Assert.Contains("2 call(s)", report.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_fault_whose_probe_never_completed_is_not_recovered()
    {
        var recovered = new SoakFault("ollama#1", SoakFaults.Ollama, "", 10) { RestoredAt = 20, ReadyAt = 21, ProbeScene = SoakHousehold.Deep, Ended = true };
        var failed = new SoakFault("personaplex#2", SoakFaults.PersonaPlex, "", 30) { RestoredAt = 40, ReadyAt = 41, ProbeScene = SoakHousehold.Talk, Ended = true };
        var neverReady = new SoakFault("broker#3", SoakFaults.Broker, "", 50) { RestoredAt = 60, ProbeScene = null, Ended = true };
        SoakAttempt[] attempts =
        [
            new(SoakHousehold.Deep, "room1", 22) { EndedAt = 25, Probe = "ollama#1" },
            new(SoakHousehold.Talk, "room1", 42) { EndedAt = 45, Probe = "personaplex#2", DroppedBecause = "no reply audio" },
        ];

        var report = Report(attempts, [], [recovered, failed, neverReady]);

        Assert.Equal(["personaplex#2", "broker#3"], report.Unrecovered);
    }

    [Fact]
    public void The_slope_is_per_hour()
    {
        ResourceSample[] samples = [Sample(0, 100), Sample(1800, 110), Sample(3600, 120)];

        Assert.Equal(20, SoakReport.Slope(samples, s => s.RssMb), 6);
    }

    [Fact]
    public void Slopes_are_computed_only_after_the_warm_up_and_the_report_says_over_how_long()
    {
        // RSS grows 100 → 150 MB in the first 5 minutes (the GC committing 20 MB of it), then stays flat for 5 minutes.
        var samples = Enumerable.Range(0, 61)
            .Select(i => i * 10.0)
            .Select(t => Sample(t, rss: 100 + (50 * Math.Min(t, 300) / 300), gcCommitted: 10 + (20 * Math.Min(t, 300) / 300)))
            .ToArray();
        var options = new SoakOptions { WarmUp = TimeSpan.FromMinutes(5) };

        var text = new SoakReport(options, [], [], [], samples, [], 0, 0, TimeSpan.FromMinutes(10)).ToText();

        Assert.Equal(31, SoakReport.AfterWarmUp(samples, options.WarmUp).Count);
        Assert.Contains("(slopes over 31 samples, 5.0 min, after a warm-up of 5 min)", text, StringComparison.Ordinal);
        Assert.Contains("| RSS MB | 150 | 150 | 150 | 150 | 0 |", text, StringComparison.Ordinal);
        Assert.Contains("| GC committed MB | 30 | 30 | 30 | 30 | 0 |", text, StringComparison.Ordinal);
        Assert.Contains("| RSS − GC committed MB (native) | 120 | 120 | 120 | 120 | 0 |", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_native_row_is_rss_less_gc_committed_with_its_own_slope()
    {
        // Over an hour RSS grows 60 MB of which the GC committed 20 MB: native memory grew 40 MB.
        ResourceSample[] samples = [Sample(0, 100, 10), Sample(1800, 130, 20), Sample(3600, 160, 30)];
        var options = new SoakOptions { WarmUp = TimeSpan.Zero };

        var text = new SoakReport(options, [], [], [], samples, [], 0, 0, TimeSpan.FromHours(1)).ToText();

        Assert.Contains("| GC committed MB | 10 | 30 | 10 | 30 | +20 |", text, StringComparison.Ordinal);
        Assert.Contains("| RSS − GC committed MB (native) | 90 | 130 | 90 | 130 | +40 |", text, StringComparison.Ordinal);
    }

    private static SoakReport Report(SoakAttempt[] attempts, long[] calls, SoakFault[] faults) =>
        new(new SoakOptions(), attempts, faults, calls, [], [], 0, 0, TimeSpan.FromMinutes(1));

    private static SoakAttempt Home(long at, bool done) =>
        new(SoakHousehold.Home, "room1", at) { EndedAt = at + 10, HomeDone = done, DroppedBecause = done ? null : "command not done" };

    private static SoakAttempt Talk(long at) => new(SoakHousehold.Talk, "room1", at) { EndedAt = at + 10 };

    private static ResourceSample Sample(double seconds, double rss, double gcCommitted = 8) => new(seconds, 1, rss, 10, 100, 5, 4, 3, gcCommitted, 0, 0, 0);
}
