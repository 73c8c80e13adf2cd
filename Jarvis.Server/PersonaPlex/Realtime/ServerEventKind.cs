namespace Jarvis.Server.PersonaPlex.Realtime;

/// <summary>The server events the client acts on (spec §5); every other event is <see cref="Other"/> and ignored.</summary>
internal enum ServerEventKind
{
    Other,

    /// <summary>Not a JSON object with a string <c>type</c>.</summary>
    Unreadable,

    /// <summary><c>response.output_audio.delta</c> (or the legacy <c>response.audio.delta</c>): base64 pcm16 frames.</summary>
    AudioDelta,

    /// <summary><c>response.output_audio_transcript.delta</c> (or <c>response.output_text.delta</c>/<c>response.text.delta</c>).</summary>
    TextDelta,

    SessionCreated,

    SessionUpdated,

    SessionClosed,

    Error,

    /// <summary><c>response.created</c>: a new epoch's response started.</summary>
    ResponseCreated,

    /// <summary><c>response.done</c>: a response ended (cancel, clear, close).</summary>
    ResponseDone,
}
