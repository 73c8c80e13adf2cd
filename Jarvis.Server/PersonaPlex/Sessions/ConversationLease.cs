using System.Threading.Channels;
using Jarvis.Server.PersonaPlex.Pool;

namespace Jarvis.Server.PersonaPlex.Sessions;

/// <summary>A room's conversation on one endpoint: forwards its packets and receives PersonaPlex's until disposed.</summary>
internal sealed class ConversationLease : IConversationChannel
{
    private const int AudioQueueCapacity = 64; // ~5 s of 80 ms packets; a stalled room loses the oldest

    private readonly EndpointSession _endpoint;
    private readonly Action<ConversationLease> _release;
    private readonly LeaseStreams _streams;
    private int _disposed;

    public ConversationLease(string roomId, EndpointSession endpoint, IModelOutput? output, Action<ConversationLease> release)
    {
        _streams = new LeaseStreams(AudioQueueCapacity, output);
        RoomId = roomId;
        _endpoint = endpoint;
        _release = release;
    }

    public string RoomId { get; }

    public Uri Endpoint => _endpoint.Endpoint;

    internal EndpointSession Session => _endpoint;

    public ChannelReader<PersonaPlexAudioPacket> Audio => _streams.Audio;

    public ChannelReader<string> Text => _streams.Text;

    public Task Completion => _streams.Completion;

    public ValueTask SendAsync(ReadOnlyMemory<byte> opusPacket, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return _endpoint.SendAsync(opusPacket, cancellationToken);
    }

    internal void Deliver(PersonaPlexAudioPacket packet) => _streams.Deliver(packet);

    internal void Deliver(string piece) => _streams.Deliver(piece);

    /// <summary>The slot lost this conversation's session: <see cref="Completion"/> faults with <paramref name="reason"/>.</summary>
    internal void Fail(string reason) => _streams.Fail(reason);

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _release(this);
            _streams.Complete();
        }

        return ValueTask.CompletedTask;
    }
}
