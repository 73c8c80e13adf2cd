namespace Jarvis.Server.HomeAssistant;

/// <summary>What a <see cref="HomeDialogue"/> line does.</summary>
public enum DialogueAct
{
    /// <summary>"Want me to turn on some lights?": a yes (optionally with a place) runs it.</summary>
    Offer,

    /// <summary>"Which Reading Lamp: the one in the bedroom or the one in the office?": the command waits for the answer.</summary>
    Clarify,

    /// <summary>"Glad to help.": the user closed a home exchange ("Perfect", "Thanks").</summary>
    Thanks,

    /// <summary>"OK.": the user declined an offer.</summary>
    Acknowledge,
}
