namespace Jarvis.Server.PersonaPlex.Realtime;

/// <summary>What an error event means for the client (spec §11, §14.5).</summary>
internal enum RealtimeErrorKind
{
    /// <summary><c>resource_exhausted</c>: every session of the server is taken; retry later (the room waits or falls back).</summary>
    Busy,

    /// <summary>Voice, persona, prefill or audio format refused: the endpoint stops until the configuration changes.</summary>
    Configuration,

    /// <summary>The session's 3000-frame window is full: the model went silent; restart its context.</summary>
    WindowFull,

    /// <summary><c>input_backpressure</c>: the server holds more than 16 MiB of our input, it is far behind real time.</summary>
    Backpressure,

    /// <summary>The engine failed or forgot the session: a new session is needed.</summary>
    SessionLost,

    /// <summary>One event refused (the socket stays open); logged, nothing else to do.</summary>
    Refused,
}
