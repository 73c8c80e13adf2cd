using System.Threading.Channels;

namespace Jarvis.Server.PersonaPlex.Pool;

/// <summary>
/// What a room's lease on a slot receives: PersonaPlex's audio packets and word pieces, handed straight to the conversation's
/// <see cref="IModelOutput"/> or else queued (bounded, a stalled reader loses the oldest), and the lease's completion: faulted with why when the slot loses the conversation's session, successful when the room lets go.
/// </summary>
internal sealed class LeaseStreams
{
    private readonly Channel<PersonaPlexAudioPacket> _audio;
    private readonly Channel<string> _text = Channel.CreateBounded<string>(
        new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest, SingleWriter = true });

    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly IModelOutput? _output;
    private volatile bool _over;

    public LeaseStreams(int audioCapacity, IModelOutput? output)
    {
        _output = output;
        _audio = Channel.CreateBounded<PersonaPlexAudioPacket>(
            new BoundedChannelOptions(audioCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleWriter = true },
            static dropped => dropped.Dispose());
    }

    public ChannelReader<PersonaPlexAudioPacket> Audio => _audio.Reader;

    public ChannelReader<string> Text => _text.Reader;

    public Task Completion => _completion.Task;

    public void Deliver(PersonaPlexAudioPacket packet)
    {
        if (_output is { } output && !_over)
        {
            output.OnAudio(packet);
        }
        else if (!_audio.Writer.TryWrite(packet))
        {
            packet.Dispose();
        }
    }

    public void Deliver(string piece)
    {
        if (_output is { } output)
        {
            if (!_over)
            {
                output.OnText(piece);
            }
        }
        else
        {
            _text.Writer.TryWrite(piece);
        }
    }

    /// <summary>The conversation's session is gone: the completion faults with <paramref name="reason"/>, then the streams end.</summary>
    public void Fail(string reason)
    {
        _over = true;
        if (_completion.TrySetException(new PersonaPlexException(reason)))
        {
            _ = _completion.Task.Exception; // a holder that only reads the streams need not observe it
        }

        _audio.Writer.TryComplete();
        _text.Writer.TryComplete();
    }

    /// <summary>The room let go: the completion succeeds (unless it failed before) and the undelivered audio is freed.</summary>
    public void Complete()
    {
        _over = true;
        _completion.TrySetResult();
        _audio.Writer.TryComplete();
        _text.Writer.TryComplete();
        while (_audio.Reader.TryRead(out var left))
        {
            left.Dispose();
        }
    }
}
