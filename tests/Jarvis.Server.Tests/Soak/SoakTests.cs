using System.Text;
using Xunit.Abstractions;

namespace Jarvis.Server.Tests.Soak;

/// <summary>
/// The CI variant of <c>harness soak</c> (docs/reliability.md): two minutes of the accelerated household with every fault
/// kind injected once (a fault every 12 s, backends down 2 s, cuts of 1–4 s). Its expectations do not depend on the
/// machine's speed: no crash, every fault recovered (within 90 s of its repair), no Home Assistant command lost or
/// executed twice. Drops and recovery times are printed, not asserted (they are the long run's numbers).
/// </summary>
[Collection(SoakCollection.Name)]
public sealed class SoakTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Two_minutes_of_household_and_faults_end_with_no_crash_every_fault_recovered_and_every_command_executed_once()
    {
        var options = new SoakOptions
        {
            Duration = TimeSpan.FromMinutes(2),
            Rate = 48,
            Seed = 5,
            FaultEvery = TimeSpan.FromSeconds(12),
            DownTime = TimeSpan.FromSeconds(2),
            LongestCut = TimeSpan.FromSeconds(4),
        };
        var log = new StringWriter(new StringBuilder());

        var report = await SoakRun.RunAsync(options, log, CancellationToken.None);

        var text = $"{log}{Environment.NewLine}{report.ToText()}";
        output.WriteLine(text);
        Assert.True(report.Crashes == 0, text);
        Assert.True(report.Faults >= 5, $"only {report.Faults} faults were injected{Environment.NewLine}{text}");
        Assert.True(report.Unrecovered.Count == 0, $"not recovered: {string.Join(", ", report.Unrecovered)}{Environment.NewLine}{text}");
        Assert.True(report.DuplicatedCalls == 0, text);
        Assert.True(report.LostCalls == 0, text);
        Assert.True(report.HomeDone > 0, $"no home command was done{Environment.NewLine}{text}");
    }
}
