namespace Jarvis.Server.PersonaPlex.Realtime;

/// <summary>Whether a session's context must be restarted before its window fills.</summary>
internal enum WindowDecision
{
    None,

    /// <summary>Past 75 % of the window and both sides are quiet (or no room is attached).</summary>
    AtPause,

    /// <summary>Past 95 % of the window: restarted even though someone is speaking.</summary>
    Forced,
}
