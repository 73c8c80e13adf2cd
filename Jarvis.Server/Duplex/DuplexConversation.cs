using System.Threading.Channels;
using Jarvis.Protocol.Link.Messages;
using Jarvis.Server.PersonaPlex;
using Jarvis.Server.Satellites;
using Jarvis.Server.Status;

namespace Jarvis.Server.Duplex;

/// <summary>
/// One conversation's audio: the owning room's packets to PersonaPlex (as they are, no transcode) and PersonaPlex's packets
/// to whichever room owns the conversation now (a move only changes <see cref="Room"/>; the session stays connected).
/// A watchdog reports a PersonaPlex failure through <paramref name="onFailure"/>.
/// </summary>
internal sealed partial class DuplexConversation : IAsyncDisposable
{
    // 100 ms of 20 ms packets, the newest kept: only a hand-over between two threads, never a store of audio to be sent
    // late (PersonaPlex's session clock would have to trim it, or it would come back as a burst).
    private const int UplinkQueuePackets = 5;
    private static readonly TimeSpan WatchInterval = TimeSpan.FromMilliseconds(100);

    private readonly IPersonaPlexSessions _sessions;
    private readonly SatelliteRegistry _satellites;
    private readonly HubMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly TimeSpan _connectTimeout;
    private readonly Func<DuplexConversation, string, Task> _onFailure;
    private readonly Action<string, string> _onModelWords;
    private readonly Lock _downlink = new();
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<UplinkPacket> _uplink;
    private readonly Task _run;
    private volatile string _room;

    public DuplexConversation(int slot, string room, IPersonaPlexSessions sessions, SatelliteRegistry satellites, HubMetrics metrics,
        TimeProvider time, TimeSpan connectTimeout, Func<DuplexConversation, string, Task> onFailure, Action<string, string> onModelWords, ILogger logger)
    {
        Slot = slot;
        _room = room;
        _sessions = sessions;
        _satellites = satellites;
        _metrics = metrics;
        _time = time;
        _connectTimeout = connectTimeout;
        _onFailure = onFailure;
        _onModelWords = onModelWords;
        _logger = logger;
        _uplink = Channel.CreateBounded<UplinkPacket>(
            new BoundedChannelOptions(UplinkQueuePackets) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            dropped =>
            {
                dropped.Return();
                _metrics.DroppedBackend.Increment();
            });
        _run = RunAsync(_stop.Token);
    }

    public int Slot { get; }

    /// <summary>The room that owns the conversation now: its packets go in, PersonaPlex's go out to it.</summary>
    public string Room
    {
        get => _room;
        set => _room = value;
    }

    /// <summary>While true, PersonaPlex's audio is not played in the room (an Ollama answer is playing); the session stays clocked.</summary>
    public bool ModelAudioCut { get; set; }

    /// <summary>Queues a packet from the owning room (copied into a rented buffer; never blocks the satellite's read loop).</summary>
    public void Enqueue(ReadOnlySpan<byte> opusPacket, long receivedTimestamp)
    {
        var packet = UplinkPacket.CopyOf(opusPacket, receivedTimestamp);
        if (!_uplink.Writer.TryWrite(packet))
        {
            packet.Return();
        }
    }

    /// <summary>Plays a short clip in the room between two of PersonaPlex's packets (the model is not cut). False without a satellite.</summary>
    public bool Insert(Speech.OpusRecording clip)
    {
        var session = _satellites.ByRoom(_room);
        if (session is null)
        {
            return false;
        }

        lock (_downlink)
        {
            foreach (var packet in clip.Packets)
            {
                session.SendAudio(packet.Span, StreamKind.Burst);
            }
        }

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _uplink.Writer.TryComplete();
        await _run.ConfigureAwait(false);
        while (_uplink.Reader.TryRead(out var left))
        {
            left.Return();
        }

        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        IConversationChannel? channel = null;
        try
        {
            channel = await _sessions.AcquireAsync(_room, cancellationToken).ConfigureAwait(false);
            var watch = WatchAsync(channel, cancellationToken);
            var up = UplinkAsync(channel, cancellationToken);
            var down = DownlinkAsync(channel, cancellationToken);
            var words = WordsAsync(channel, cancellationToken);
            await Task.WhenAny(watch, up, down).ConfigureAwait(false);
            if (!cancellationToken.IsCancellationRequested)
            {
                var failure = (watch.IsCompleted ? await watch.ConfigureAwait(false) : null) ?? "the PersonaPlex stream ended";
                await _onFailure(this, failure).ConfigureAwait(false);
            }

            await Task.WhenAll(watch, up, down, words).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Conversation over.
        }
        catch (Exception ex)
        {
            LogFailed(ex, _room);
            await _onFailure(this, ex.Message).ConfigureAwait(false);
        }
        finally
        {
            if (channel is not null)
            {
                await channel.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task UplinkAsync(IConversationChannel channel, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var packet in _uplink.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await channel.SendAsync(packet.Data, cancellationToken).ConfigureAwait(false);
                    _metrics.UplinkPackets.Increment();
                    _metrics.UplinkLatency.Observe(_time.GetElapsedTime(packet.ReceivedTimestamp));
                }
                catch (ArgumentException)
                {
                    _metrics.DroppedBackend.Increment();
                }
                finally
                {
                    packet.Return();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Conversation over.
        }
    }

    private async Task DownlinkAsync(IConversationChannel channel, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var packet in channel.Audio.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                using (packet)
                {
                    if (ModelAudioCut)
                    {
                        continue;
                    }

                    var session = _satellites.ByRoom(_room);
                    if (session is null)
                    {
                        _metrics.DroppedNotActive.Increment();
                        continue;
                    }

                    bool sent;
                    lock (_downlink)
                    {
                        sent = session.SendAudio(packet.Span, StreamKind.RealTime);
                    }

                    if (sent)
                    {
                        _metrics.DownlinkPackets.Increment();
                        _metrics.DownlinkLatency.Observe(_time.GetElapsedTime(packet.ArrivalTimestamp));
                    }
                    else
                    {
                        _metrics.DroppedSlowSatellite.Increment();
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Conversation over.
        }
    }

    /// <summary>
    /// The model's words (its text pieces) are what it says to the room: the room hears them a moment later, and they are the
    /// home engine's dialogue context. Words said while its audio is cut were not heard.
    /// </summary>
    private async Task WordsAsync(IConversationChannel channel, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var piece in channel.Text.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (!ModelAudioCut)
                {
                    _onModelWords(_room, piece);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Conversation over.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Duplex path for room {Room} failed")]
    private partial void LogFailed(Exception ex, string room);
}
