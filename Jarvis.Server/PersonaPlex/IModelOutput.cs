namespace Jarvis.Server.PersonaPlex;

/// <summary>
/// Where a conversation's model output goes as PersonaPlex delivers it (given to
/// <see cref="IPersonaPlexSessions.AcquireAsync(string, IModelOutput?, CancellationToken)"/>), without a queue or a pump of
/// its own: called on the session's receive path, so it must return at once (hand the packet to a writer, never wait).
/// </summary>
public interface IModelOutput
{
    /// <summary>One Opus packet of the model's audio; the receiver owns it and disposes it once used.</summary>
    void OnAudio(PersonaPlexAudioPacket packet);

    /// <summary>One of the model's word pieces, in order (word-initial pieces start with a space).</summary>
    void OnText(string piece);
}
