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

    /// <summary>
    /// True when <paramref name="request"/>'s transcript, heard at a pause before the user finished, is already a whole
    /// command this engine would carry out, so that it can run before the end of the utterance. False for anything that
    /// may go on: a reply to an open offer or question ("yeah, … in the living room"), a name the home does not know, a
    /// sentence that ends on "and" or "in the". Decides only; changes nothing.
    /// </summary>
    bool IsCompleteCommand(HomeRequest request) => false;
}
