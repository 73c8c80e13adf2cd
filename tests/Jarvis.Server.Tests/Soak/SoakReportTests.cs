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

    private static SoakReport Report(SoakAttempt[] attempts, long[] calls, SoakFault[] faults) =>
        new(new SoakOptions(), attempts, faults, calls, [], [], 0, 0, TimeSpan.FromMinutes(1));

    private static SoakAttempt Home(long at, bool done) =>
        new(SoakHousehold.Home, "room1", at) { EndedAt = at + 10, HomeDone = done, DroppedBecause = done ? null : "command not done" };

    private static SoakAttempt Talk(long at) => new(SoakHousehold.Talk, "room1", at) { EndedAt = at + 10 };

    private static ResourceSample Sample(double seconds, double rss) => new(seconds, 1, rss, 10, 100, 5, 4, 0, 0, 0);
}
