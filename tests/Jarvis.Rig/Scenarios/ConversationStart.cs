namespace Jarvis.Rig.Scenarios;

/// <summary>How the measured conversation starts.</summary>
public enum ConversationStart
{
    /// <summary>On a warm PersonaPlex session, past its prompt phase.</summary>
    Warm,

    /// <summary>While the session is in its prompt phase (PersonaPlex was restarted and the server reconnects).</summary>
    Prompt,

    /// <summary>Right after the server rotated its idle warm session.</summary>
    Rotation,

    /// <summary>In OnDemand mode: the session is opened for the conversation.</summary>
    OnDemand,
}
