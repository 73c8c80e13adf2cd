namespace Jarvis.Server.PersonaPlex.Realtime;

/// <summary>Why a healthy Realtime session was closed by its slot.</summary>
internal enum RealtimeSessionEnd
{
    /// <summary>The model fell more than <c>MaxDrift</c> behind real time (or the server reported input backpressure).</summary>
    Drifted,

    /// <summary>On-demand mode: the conversation ended.</summary>
    Released,

    /// <summary>Idle, and the persona changed: a session keeps the persona it was opened with.</summary>
    PersonaChanged,
}
