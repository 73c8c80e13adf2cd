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
    /// Forwards one Opus packet from the room (any frame size; 20 ms packets in real time are ideal). Waits while the
    /// session is still in its prompt phase or reconnecting, so nothing is sent that PersonaPlex would discard.
    /// Throws <see cref="ArgumentException"/> for bytes that are not an Opus packet.
    /// </summary>
    ValueTask SendAsync(ReadOnlyMemory<byte> opusPacket, CancellationToken cancellationToken);

    /// <summary>PersonaPlex's Opus packets (80 ms, 24 kHz) for the room; dispose each packet once it is used.</summary>
    ChannelReader<PersonaPlexAudioPacket> Audio { get; }

    /// <summary>The model's word pieces, in order (word-initial pieces start with a space).</summary>
    ChannelReader<string> Text { get; }
}
