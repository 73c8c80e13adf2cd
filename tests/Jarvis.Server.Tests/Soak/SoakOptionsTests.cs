namespace Jarvis.Server.Tests.Soak;

public sealed class SoakOptionsTests
{
    [Fact]
    public void Without_leaves_the_named_kinds_out_of_the_schedule_and_keeps_the_order_of_the_others()
    {
        var kinds = SoakOptions.FaultKindsWithout("server-restart, broker");

        Assert.Equal([.. SoakFaults.Kinds.Where(k => k is not SoakFaults.ServerRestart and not SoakFaults.Broker)], kinds);
        Assert.Equal(SoakFaults.Kinds, SoakOptions.FaultKindsWithout(""));
    }

    [Fact]
    public void Without_an_unknown_kind_is_an_error_that_lists_the_kinds()
    {
        var error = Assert.Throws<ArgumentException>(() => SoakOptions.FaultKindsWithout("server-restart,server-reboot"));

        Assert.Contains("unknown fault kind 'server-reboot'", error.Message, StringComparison.Ordinal);
        Assert.Contains(string.Join(", ", SoakFaults.Kinds), error.Message, StringComparison.Ordinal);
    }
}
