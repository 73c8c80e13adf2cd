using System.Runtime.CompilerServices;
using System.Threading.Channels;

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
    private readonly Channel<PersonaPlexAudioPacket> _audio = Channel.CreateBounded<PersonaPlexAudioPacket>(
        new BoundedChannelOptions(AudioQueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleWriter = true },
        dropped => dropped.Dispose());

    private readonly Channel<string> _text = Channel.CreateBounded<string>(
        new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest, SingleWriter = true });

    private int _disposed;

    public RealtimeLease(string roomId, RealtimeSlot slot, Action<IConversationChannel> release)
    {
        RoomId = roomId;
        _slot = slot;
        _release = release;
    }

    public string RoomId { get; }

    public Uri Endpoint => _slot.Endpoint;

    public ChannelReader<PersonaPlexAudioPacket> Audio => _audio.Reader;

    public ChannelReader<string> Text => _text.Reader;

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
            _audio.Writer.TryComplete();
            _text.Writer.TryComplete();
            while (_audio.Reader.TryRead(out var left))
            {
                left.Dispose();
            }
        }

        return ValueTask.CompletedTask;
    }

    internal void Deliver(PersonaPlexAudioPacket packet)
    {
        if (!_audio.Writer.TryWrite(packet))
        {
            packet.Dispose();
        }
    }

    internal void Deliver(string piece) => _text.Writer.TryWrite(piece);

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private static async ValueTask AwaitAsync(ValueTask<bool> sending) => await sending.ConfigureAwait(false);
}
