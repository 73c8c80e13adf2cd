using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Jarvis.Server.PersonaPlex.Pool;

namespace Jarvis.Server.PersonaPlex.Realtime;

/// <summary>
/// A room's conversation on one Realtime slot: its packets go to the slot's session on the session's clock, the model's audio
/// comes back as 20 ms Opus packets (24 kHz) and its text as pieces, until disposed.
/// </summary>
internal sealed class RealtimeLease : IConversationChannel
{
    private const int AudioQueueCapacity = 256; // ~5 s of 20 ms packets; a stalled room loses the oldest

    private readonly RealtimeSlot _slot;
    private readonly Action<IConversationChannel> _release;
    private readonly LeaseStreams _streams;
    private int _disposed;

    public RealtimeLease(string roomId, RealtimeSlot slot, IModelOutput? output, Action<IConversationChannel> release)
    {
        _streams = new LeaseStreams(AudioQueueCapacity, output);
        RoomId = roomId;
        _slot = slot;
        _release = release;
    }

    public string RoomId { get; }

    public Uri Endpoint => _slot.Endpoint;

    public ChannelReader<PersonaPlexAudioPacket> Audio => _streams.Audio;

    public ChannelReader<string> Text => _streams.Text;

    public Task Completion => _streams.Completion;

    /// <summary>
    /// Sends one room packet on the session's clock; never waits for a session: a packet that comes while none is ready, or
    /// ahead of real time, is dropped.
    /// </summary>
    public ValueTask SendAsync(ReadOnlyMemory<byte> opusPacket, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var sending = _slot.Uplink.SendRoomAsync(opusPacket, cancellationToken);
        return sending.IsCompletedSuccessfully ? ValueTask.CompletedTask : AwaitAsync(sending);
    }

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _release(this);
            _streams.Complete();
        }

        return ValueTask.CompletedTask;
    }

    internal void Deliver(PersonaPlexAudioPacket packet) => _streams.Deliver(packet);

    internal void Deliver(string piece) => _streams.Deliver(piece);

    /// <summary>The slot lost this conversation's session: <see cref="Completion"/> faults with <paramref name="reason"/>.</summary>
    internal void Fail(string reason) => _streams.Fail(reason);

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private static async ValueTask AwaitAsync(ValueTask<bool> sending) => await sending.ConfigureAwait(false);
}
