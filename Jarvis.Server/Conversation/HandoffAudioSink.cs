using Jarvis.Server.Speech;

namespace Jarvis.Server.Conversation;

/// <summary>
/// An answer's (or an announcement's) audio to its conversation's room. In duplex mode the first flush (the handoff) cuts
/// PersonaPlex's audio in the room (the satellite is flushed at once); <see cref="DisposeAsync"/> gives the room back to
/// PersonaPlex, wherever the conversation has moved meanwhile. <see cref="Speaking"/> tells whether the answer has taken the room
/// (only then does the user's voice interrupt it). A clip (a confirmation earcon) does not take the room: in duplex mode it
/// plays between PersonaPlex's packets.
/// </summary>
public sealed class HandoffAudioSink : IRoomAudioSink, IAsyncDisposable
{
    private readonly IRoomAudioSink _satellite;
    private readonly LiveConversation? _conversation;
    private volatile bool _speaking;
    private volatile bool _interrupted;
    private bool _cut;

    internal HandoffAudioSink(IRoomAudioSink satellite, LiveConversation? conversation)
    {
        _satellite = satellite;
        _conversation = conversation;
    }

    public string Room => _satellite.Room;

    public bool Speaking => _speaking;

    public ValueTask SendOpusAsync(ReadOnlyMemory<byte> packet, int samples, CancellationToken cancellationToken)
    {
        if (_interrupted)
        {
            return ValueTask.CompletedTask;
        }

        _speaking = true;
        return _satellite.SendOpusAsync(packet, samples, cancellationToken);
    }

    public ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        _speaking = true;
        if (_conversation is not null && !_cut)
        {
            // The cut flushes the satellite itself; nothing of the answer has been sent yet.
            _cut = _conversation.CutModelAudio(cut: true);
            if (_cut)
            {
                return ValueTask.CompletedTask;
            }
        }

        return _satellite.FlushAsync(cancellationToken);
    }

    public ValueTask SendClipAsync(OpusRecording clip, CancellationToken cancellationToken) =>
        _interrupted ? ValueTask.CompletedTask
        : _conversation is not null && !_cut && _conversation.InsertAudio(clip) ? ValueTask.CompletedTask : _satellite.SendClipAsync(clip, cancellationToken);

    /// <summary>The user spoke over the answer: nothing more of it is sent from now on.</summary>
    internal void StopSending() => _interrupted = true;

    /// <summary>
    /// Flushes what the satellite holds of the answer at once, when the answer has taken the room: the user hears it stop
    /// now, not once the answer's task has unwound from its cancellation (on a loaded machine that waits for the thread pool).
    /// </summary>
    internal ValueTask FlushIfSpeakingAsync() => _speaking ? _satellite.FlushAsync(CancellationToken.None) : ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        if (_cut)
        {
            _conversation!.CutModelAudio(cut: false);
        }

        return ValueTask.CompletedTask;
    }
}
