namespace Jarvis.Server.PersonaPlex.Realtime;

/// <summary>Receives a live session's server events, on the connection's receive loop (keep the work short).</summary>
internal interface IServerEventSink
{
    /// <summary>Model audio: pcm16 little-endian, 24 kHz mono (normally whole 1920-sample frames); valid during the call.</summary>
    void OnAudio(ReadOnlySpan<byte> pcm16, long arrivalTimestamp);

    /// <summary>A piece of the model's text (a suffix of its running transcript, not aligned to words).</summary>
    void OnText(string text);

    /// <summary>An error event while the session is open.</summary>
    void OnError(RealtimeServerError error);

    /// <summary><c>response.created</c>: the epoch's response started (its first output follows).</summary>
    void OnResponseStarted();

    /// <summary><c>response.done</c>: a response ended (after a cancel, its last audio has been sent).</summary>
    void OnResponseEnded();
}
