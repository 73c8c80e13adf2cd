namespace Jarvis.Server.HomeAssistant;

/// <summary>An answer from the home's state ("The garage door is open.", "It's 21 degrees in the kitchen."): always spoken.</summary>
public sealed record HomeAnswer(string Speech, IReadOnlyList<HomeAction> Actions) : HomeOutcome(Speech, Actions)
{
    public HomeAnswer(string speech)
        : this(speech, [])
    {
    }
}
