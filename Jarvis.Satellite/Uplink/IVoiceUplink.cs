namespace Jarvis.Satellite.Uplink;

/// <summary>
/// Where the capture pipeline sends cleaned microphone audio (20 ms PCM frames, called on the capture
/// thread; implementations encode and queue without blocking) and its voice events.
/// </summary>
public interface IVoiceUplink
{
    void SendFrame(ReadOnlySpan<short> pcm);

    /// <summary>A stretch of streamed audio ended (voice stopped and no conversation): the encoder may reset.</summary>
    void EndOfStream();
}
