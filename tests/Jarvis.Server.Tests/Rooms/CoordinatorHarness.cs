using Jarvis.Server.Rooms;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Jarvis.Server.Tests.Rooms;

/// <summary>A coordinator on a fake clock, with the commands it has emitted so far.</summary>
internal sealed class CoordinatorHarness : IDisposable
{
    public CoordinatorHarness(Action<RoomsOptions>? configure = null)
    {
        var options = new RoomsOptions();
        configure?.Invoke(options);
        Coordinator = new ConversationCoordinator(Options.Create(options), Time, NullLogger<ConversationCoordinator>.Instance);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));

    public ConversationCoordinator Coordinator { get; }

    public List<HubCommand> Log { get; } = [];

    /// <summary>Commands emitted since the last call.</summary>
    public List<HubCommand> Drain()
    {
        var drained = new List<HubCommand>();
        while (Coordinator.Commands.TryRead(out var command))
        {
            drained.Add(command);
        }

        Log.AddRange(drained);
        return drained;
    }

    public void Advance(double milliseconds) => Time.Advance(TimeSpan.FromMilliseconds(milliseconds));

    public void Dispose() => Coordinator.Dispose();
}
