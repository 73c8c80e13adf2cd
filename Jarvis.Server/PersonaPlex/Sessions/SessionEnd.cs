namespace Jarvis.Server.PersonaPlex.Sessions;

/// <summary>Why a healthy session was closed by the manager.</summary>
internal enum SessionEnd
{
    /// <summary>Idle for <c>RotateAfter</c>: replaced before the persona falls out of context.</summary>
    Rotated,

    /// <summary>PersonaPlex fell more than <c>MaxDrift</c> behind.</summary>
    Drifted,

    /// <summary>On-demand mode: the conversation ended.</summary>
    Released,
}
