using Jarvis.Server.HomeAssistant;

namespace Jarvis.Server.Timers;

/// <summary>Speaks a spoken broadcast ("broadcast dinner is ready") in every other room.</summary>
public interface IBroadcaster
{
    Task<HomeOutcome> BroadcastAsync(string message, string fromRoom, CancellationToken cancellationToken);
}
