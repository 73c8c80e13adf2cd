using System.Threading.Channels;

namespace Jarvis.Server.PersonaPlex.Sessions;

/// <summary>A room's conversation on one endpoint: forwards its packets and receives PersonaPlex's until disposed.</summary>
internal sealed class ConversationLease : IConversationChannel
{
    private const int AudioQueueCapacity = 64; // ~5 s of 80 ms packets; a stalled room loses the oldest

    private readonly EndpointSession _endpoint;
    private readonly Action<ConversationLease> _release;
    private readonly Channel<PersonaPlexAudioPacket> _audio = Channel.CreateBounded<PersonaPlexAudioPacket>(
        new BoundedChannelOptions(AudioQueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleWriter = true },
        dropped => dropped.Dispose());

    private readonly Channel<string> _text = Channel.CreateBounded<string>(
        new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest, SingleWriter = true });

    private int _disposed;

    public ConversationLease(string roomId, EndpointSession endpoint, Action<ConversationLease> release)
    {
        RoomId = roomId;
        _endpoint = endpoint;
        _release = release;
    }

    public string RoomId { get; }

    public Uri Endpoint => _endpoint.Endpoint;

    internal EndpointSession Session => _endpoint;

    public ChannelReader<PersonaPlexAudioPacket> Audio => _audio.Reader;

    public ChannelReader<string> Text => _text.Reader;

    public ValueTask SendAsync(ReadOnlyMemory<byte> opusPacket, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return _endpoint.SendAsync(opusPacket, cancellationToken);
    }

    internal void Deliver(PersonaPlexAudioPacket packet)
    {
        if (!_audio.Writer.TryWrite(packet))
        {
            packet.Dispose();
        }
    }

    internal void Deliver(string piece) => _text.Writer.TryWrite(piece);

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _release(this);
            _audio.Writer.TryComplete();
            _text.Writer.TryComplete();
            while (_audio.Reader.TryRead(out var left))
            {
                left.Dispose();
            }
        }

        return ValueTask.CompletedTask;
    }
}
