namespace Jarvis.Server.HomeAssistant;

/// <summary>
/// What the home engine made of a transcript: one record per kind (<see cref="HomeNotHandled"/>, <see cref="HomeDone"/>,
/// <see cref="HomeFailed"/>, <see cref="HomeAnswer"/>, <see cref="HomeDialogue"/>), each with what to say and the service
/// calls made. The caller decides how each kind is voiced (duplex: an earcon for done, failures and answers spoken).
/// </summary>
public abstract record HomeOutcome(string Speech, IReadOnlyList<HomeAction> Actions)
{
    /// <summary>False only for <see cref="HomeNotHandled"/>: the sentence is someone else's to answer.</summary>
    public bool Handled => this is not HomeNotHandled;
}
