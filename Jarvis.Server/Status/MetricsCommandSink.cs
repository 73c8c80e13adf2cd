using Jarvis.Server.Rooms;

namespace Jarvis.Server.Status;

/// <summary>Counts conversation events from the hub's decisions and times wake-to-start (the arbitration window).</summary>
public sealed class MetricsCommandSink(HubMetrics metrics, TimeProvider time) : IHubCommandSink
{
    private static readonly TimeSpan StaleClaim = TimeSpan.FromSeconds(5);
    private long _firstClaimAt;

    public int Order => 100;

    public ValueTask HandleAsync(HubCommand command, CancellationToken cancellationToken)
    {
        switch (command.Kind)
        {
            case HubCommandKind.Claim when _firstClaimAt == 0 || time.GetElapsedTime(_firstClaimAt) > StaleClaim:
                _firstClaimAt = time.GetTimestamp();
                break;
            case HubCommandKind.Start when _firstClaimAt != 0 && time.GetElapsedTime(_firstClaimAt) <= StaleClaim:
                metrics.WakeToStart.Observe(time.GetElapsedTime(_firstClaimAt));
                _firstClaimAt = 0;
                break;
        }

        var counter = command.Kind switch
        {
            HubCommandKind.Start => metrics.Started,
            HubCommandKind.Move => metrics.Moved,
            HubCommandKind.End => metrics.Ended,
            HubCommandKind.StandDown => metrics.StoodDown,
            _ => null,
        };
        counter?.Increment();
        return ValueTask.CompletedTask;
    }
}
