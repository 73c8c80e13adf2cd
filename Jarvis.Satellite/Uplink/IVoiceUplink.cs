namespace Jarvis.Satellite.Uplink;

/// <summary>
/// Where the capture pipeline sends cleaned microphone audio (20 ms PCM frames, called on the capture
/// thread; implementations encode and queue without blocking) and its voice events.
/// </summary>
public interface IVoiceUplink
{
    /// <summary>
    /// One frame; <paramref name="inConversation"/>: a conversation runs in this room (the frame goes at once), else it is
    /// voice-gated audio for the server's wake path (it may wait to be joined with the next frames).
    /// </summary>
    void SendFrame(ReadOnlySpan<short> pcm, bool inConversation);

    /// <summary>A stretch of streamed audio ended (voice stopped and no conversation, or muted): what waits goes now.</summary>
    void EndOfStream();
}
