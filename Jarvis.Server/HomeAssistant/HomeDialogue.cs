namespace Jarvis.Server.HomeAssistant;

/// <summary>
/// A line about the dialogue rather than a device: an offer after an observation, "which one?", thanks, "OK".
/// In duplex mode the model does the talking, so only a <see cref="DialogueAct.Clarify"/> question is spoken.
/// </summary>
public sealed record HomeDialogue(string Speech, DialogueAct Act) : HomeOutcome(Speech, []);
