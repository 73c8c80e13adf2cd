using Jarvis.Server.Duplex;
using Jarvis.Server.Speech;

namespace Jarvis.Server.Conversation;

/// <summary>
/// A turn's answer to its room's satellite. In duplex mode the first flush (the handoff) cuts PersonaPlex's audio in the
/// room (the satellite is flushed at once); <see cref="DisposeAsync"/> gives the room back to PersonaPlex.
/// <see cref="Speaking"/> tells whether the turn has taken the room (only then does the user's voice interrupt it). A clip
/// (a confirmation earcon) does not take the room: in duplex mode it plays between PersonaPlex's packets.
/// </summary>
internal sealed class HandoffAudioSink(IRoomAudioSink satellite, DuplexRouter? duplex) : IRoomAudioSink, IAsyncDisposable
{
    private volatile bool _speaking;
    private bool _cut;

    public string Room => satellite.Room;

    public bool Speaking => _speaking;

    public ValueTask SendOpusAsync(ReadOnlyMemory<byte> packet, int samples, CancellationToken cancellationToken)
    {
        _speaking = true;
        return satellite.SendOpusAsync(packet, samples, cancellationToken);
    }

    public ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        _speaking = true;
        if (duplex is not null && !_cut)
        {
            // The cut flushes the satellite itself; nothing of the answer has been sent yet.
            _cut = duplex.CutModelAudio(satellite.Room, cut: true);
            if (_cut)
            {
                return ValueTask.CompletedTask;
            }
        }

        return satellite.FlushAsync(cancellationToken);
    }

    public ValueTask SendClipAsync(OpusRecording clip, CancellationToken cancellationToken) =>
        duplex is not null && !_cut && duplex.InsertAudio(satellite.Room, clip) ? ValueTask.CompletedTask : satellite.SendClipAsync(clip, cancellationToken);

    public ValueTask DisposeAsync()
    {
        if (_cut)
        {
            duplex!.CutModelAudio(satellite.Room, cut: false);
        }

        return ValueTask.CompletedTask;
    }
}
