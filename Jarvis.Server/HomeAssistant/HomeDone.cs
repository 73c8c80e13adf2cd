namespace Jarvis.Server.HomeAssistant;

/// <summary>Every command of the turn was carried out and confirmed; <paramref name="Confirmation"/> says so ("Done.", "The front door is locked.").</summary>
public sealed record HomeDone(IReadOnlyList<HomeAction> Actions, string Confirmation) : HomeOutcome(Confirmation, Actions);
