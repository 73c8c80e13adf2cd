using Jarvis.Server.Rooms;

namespace Jarvis.Server.Status;

/// <summary>Counts conversation events from the hub's decisions.</summary>
public sealed class MetricsCommandSink(HubMetrics metrics) : IHubCommandSink
{
    public int Order => 100;

    public ValueTask HandleAsync(HubCommand command, CancellationToken cancellationToken)
    {
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
