using System.Buffers.Binary;
using System.Threading.Channels;
using Jarvis.Server.PersonaPlex;

namespace Jarvis.Bench.Hub;

/// <summary>
/// A stand-in for a PersonaPlex session that answers instantly: records when each room packet arrives (uplink) and emits
/// one 80 ms packet every 80 ms carrying its id (downlink, to the conversation's output when it gave one), so that only the server's own latency is measured.
/// </summary>
internal sealed class LoopbackChannel : IConversationChannel
{
    private readonly Channel<PersonaPlexAudioPacket> _audio = Channel.CreateBounded<PersonaPlexAudioPacket>(
        new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest }, p => p.Dispose());

    private readonly Channel<string> _text = Channel.CreateUnbounded<string>();
    private readonly LatencySamples _uplink;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _clock;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly IModelOutput? _output;

    public LoopbackChannel(string roomId, Uri endpoint, IModelOutput? output, LatencySamples uplink, LatencySamples downlink)
    {
        RoomId = roomId;
        _output = output;
        Endpoint = endpoint;
        _uplink = uplink;
        _clock = ClockAsync(downlink, _stop.Token);
    }

    public string RoomId { get; }

    public Uri Endpoint { get; }

    public ChannelReader<PersonaPlexAudioPacket> Audio => _audio.Reader;

    public ChannelReader<string> Text => _text.Reader;

    /// <summary>A loopback never loses its session: completes when disposed.</summary>
    public Task Completion => _stopped.Task;

    public int DownlinkSent { get; private set; }

    public ValueTask SendAsync(ReadOnlyMemory<byte> opusPacket, CancellationToken cancellationToken)
    {
        _uplink.Received(BinaryPrimitives.ReadInt32LittleEndian(opusPacket.Span[1..]));
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _clock.ContinueWith(static _ => { }, TaskScheduler.Default);
        _audio.Writer.TryComplete();
        _stopped.TrySetResult();
        _stop.Dispose();
    }

    private async Task ClockAsync(LatencySamples downlink, CancellationToken cancellationToken)
    {
        var packet = new byte[120];
        packet[0] = 0xFC; // CELT FB 20 ms TOC; the payload is not decoded on the way through
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(80));
        var id = 0;
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            BinaryPrimitives.WriteInt32LittleEndian(packet.AsSpan(1), id);
            downlink.Sent(id);
            var audio = PersonaPlexAudioPacket.CopyOf(packet, id * 1920L, TimeProvider.System.GetTimestamp());
            if (_output is { } output)
            {
                output.OnAudio(audio);
            }
            else
            {
                _audio.Writer.TryWrite(audio);
            }

            DownlinkSent++;
            id++;
        }
    }
}
