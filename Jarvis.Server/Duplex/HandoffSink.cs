using Jarvis.Server.Speech;

namespace Jarvis.Server.Duplex;

/// <summary>In a PersonaPlex conversation, a spoken Ollama answer first cuts PersonaPlex's audio in the room (the handoff).</summary>
internal sealed class HandoffSink(IRoomAudioSink inner, DuplexRouter router) : IRoomAudioSink
{
    public string Room => inner.Room;

    public ValueTask SendOpusAsync(ReadOnlyMemory<byte> packet, int samples, CancellationToken cancellationToken) =>
        inner.SendOpusAsync(packet, samples, cancellationToken);

    public ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        router.CutModelAudio(Room, cut: true);
        return inner.FlushAsync(cancellationToken);
    }
}
