using System.Threading.Channels;

namespace Jarvis.Server.PersonaPlex;

/// <summary>
/// A room's hold on one PersonaPlex session, from <see cref="IPersonaPlexSessions.AcquireAsync"/> until disposed.
/// Audio in and out is Opus packets forwarded as they are (never decoded or re-encoded by the bridge).
/// </summary>
public interface IConversationChannel : IAsyncDisposable
{
    string RoomId { get; }

    /// <summary>The PersonaPlex endpoint serving this conversation.</summary>
    Uri Endpoint { get; }

    /// <summary>
    /// Forwards one Opus packet from the room (any frame size; 20 ms packets in real time are ideal) on the session's real-time
    /// clock, in the place of the silence it stands for. Dropped while the session is in its prompt phase or reconnecting
    /// (never held to be sent in a burst later), and trimmed when it would run ahead of real time; both are counted in the
    /// endpoint's status.
    /// Throws <see cref="ArgumentException"/> for bytes that are not an Opus packet.
    /// </summary>
    ValueTask SendAsync(ReadOnlyMemory<byte> opusPacket, CancellationToken cancellationToken);

    /// <summary>PersonaPlex's Opus packets (80 ms, 24 kHz) for the room; dispose each packet once it is used.</summary>
    ChannelReader<PersonaPlexAudioPacket> Audio { get; }

    /// <summary>The model's word pieces, in order (word-initial pieces start with a space).</summary>
    ChannelReader<string> Text { get; }

    /// <summary>
    /// Completes when the conversation is over on PersonaPlex's side: faulted with a <see cref="PersonaPlexException"/> that says
    /// why when its session is lost (failed, dropped, replaced after drift, the endpoint unavailable or stopped; the audio and
    /// text streams then end too), successfully once the channel is disposed. Never polled: await it beside the streams.
    /// </summary>
    Task Completion { get; }
}
