namespace Jarvis.Server.HomeAssistant;

/// <summary>
/// A home command that did not (entirely) work, or could not be tried: <paramref name="Speech"/> tells the user what went
/// wrong (and what to fix, when they can). Always spoken.
/// </summary>
public sealed record HomeFailed(string Speech, IReadOnlyList<HomeAction> Actions) : HomeOutcome(Speech, Actions)
{
    public HomeFailed(string speech)
        : this(speech, [])
    {
    }
}
