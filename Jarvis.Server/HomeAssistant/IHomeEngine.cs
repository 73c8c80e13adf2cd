namespace Jarvis.Server.HomeAssistant;

/// <summary>
/// The one seam between a conversation turn and the home engine: every transcript comes here first, and the outcome says
/// what was done and what to say (<see cref="HomeNotHandled"/> when the sentence is not the home's: the router takes it).
/// Whether Home Assistant is configured and reachable is decided behind it. Keeps per-room context for follow-ups
/// ("dim them a bit"), open offers and "which one?" questions.
/// </summary>
public interface IHomeEngine
{
    Task<HomeOutcome> HandleAsync(HomeRequest request, CancellationToken cancellationToken);
}
