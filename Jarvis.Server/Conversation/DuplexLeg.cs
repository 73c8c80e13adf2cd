using System.Threading.Channels;
using Jarvis.Protocol.Link.Messages;
using Jarvis.Server.PersonaPlex;
using Jarvis.Server.Satellites;

namespace Jarvis.Server.Conversation;

/// <summary>
/// A conversation's PersonaPlex leg: the owning room's packets to PersonaPlex (as they are, no transcode) and PersonaPlex's
/// packets to whichever room owns the conversation now (it reads <see cref="LiveConversation.Room"/>; a move keeps the session).
/// PersonaPlex hands its audio and words straight to the leg (<see cref="IModelOutput"/>, no pump of ours); a lost session (the channel's <see cref="IConversationChannel.Completion"/> faults) ends the conversation through
/// <see cref="LiveConversation.OnDuplexFailed"/>.
/// </summary>
internal sealed partial class DuplexLeg : IModelOutput, IAsyncDisposable
{
    // 100 ms of 20 ms packets, the newest kept: only a hand-over between two threads, never a store of audio to be sent
    // late (PersonaPlex's session clock would have to trim it, or it would come back as a burst).
    private const int UplinkQueuePackets = 5;
    private static readonly TimeSpan ModelWordsHeardAfter = TimeSpan.FromMilliseconds(300);

    private readonly LiveConversation _owner;
    private readonly ConversationServices _services;
    private readonly Lock _downlink = new();
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<UplinkPacket> _uplink;
    private Task _run = Task.CompletedTask;
    private volatile bool _stopped;
    private volatile bool _cut;

    public DuplexLeg(LiveConversation owner, ConversationServices services)
    {
        _owner = owner;
        _services = services;
        _logger = services.Logger;
        _uplink = Channel.CreateBounded<UplinkPacket>(
            new BoundedChannelOptions(UplinkQueuePackets) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            dropped =>
            {
                dropped.Return();
                _services.HubMetrics.DroppedBackend.Increment();
            });
    }

    private string Room => _owner.Room;

    /// <summary>While true, PersonaPlex's audio is not played in the room (an answer is playing); the session stays clocked.</summary>
    public bool ModelAudioCut => _cut;

    /// <summary>Cuts (the room's satellite is flushed at once) or restores PersonaPlex's audio in the room.</summary>
    public void Cut(bool cut)
    {
        // Under the downlink lock: a model packet being handed over now lands before the flush, never after it.
        lock (_downlink)
        {
            _cut = cut;
            if (cut)
            {
                _services.Satellites.ByRoom(Room)?.Outbound.Flush(FlushReason.Cut);
            }
        }
    }

    public void Start() => _run = RunAsync(_stop.Token);

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
        var session = _services.Satellites.ByRoom(Room);
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

        _services.Coordinator.Said(Room, _services.Time.GetUtcNow() + clip.Duration + ModelWordsHeardAfter);
        return true;
    }

    /// <summary>One of PersonaPlex's packets, on its receive path: to the room's satellite now (unless cut), never queued here.</summary>
    public void OnAudio(PersonaPlexAudioPacket packet)
    {
        using (packet)
        {
            var session = _services.Satellites.ByRoom(Room);
            if (session is null)
            {
                _services.HubMetrics.DroppedNotActive.Increment();
                return;
            }

            bool sent;
            lock (_downlink)
            {
                if (ModelAudioCut || _stopped)
                {
                    return;
                }

                sent = session.SendAudio(packet.Span, StreamKind.RealTime);
            }

            if (sent)
            {
                _services.HubMetrics.DownlinkPackets.Increment();
                _services.HubMetrics.DownlinkLatency.Observe(_services.Time.GetElapsedTime(packet.ArrivalTimestamp));
            }
            else
            {
                _services.HubMetrics.DroppedSlowSatellite.Increment();
            }
        }
    }

    /// <summary>
    /// The model's words (its text pieces) are what it says to the room: the room hears them a moment later, and they are the
    /// home engine's dialogue context. Words said while its audio is cut were not heard.
    /// </summary>
    public void OnText(string piece)
    {
        if (!ModelAudioCut && !_stopped)
        {
            OnModelWords(piece);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stopped = true;
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
            channel = await _services.PersonaPlex.AcquireAsync(Room, this, cancellationToken).ConfigureAwait(false);
            var up = UplinkAsync(channel, cancellationToken);
            await Task.WhenAny(channel.Completion, up).ConfigureAwait(false);
            if (!cancellationToken.IsCancellationRequested)
            {
                // PersonaPlex lost the conversation's session: the channel's completion says why.
                _owner.OnDuplexFailed(channel.Completion.Exception?.InnerException?.Message ?? "the PersonaPlex session ended");
            }

            await up.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Conversation over.
        }
        catch (Exception ex)
        {
            LogFailed(ex, Room);
            _owner.OnDuplexFailed(ex.Message);
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
            // No token on the wait (a cancellable wait allocates per packet): DisposeAsync cancels, then completes the queue.
            await foreach (var packet in _uplink.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                try
                {
                    await channel.SendAsync(packet.Data, cancellationToken).ConfigureAwait(false);
                    _services.HubMetrics.UplinkPackets.Increment();
                    _services.HubMetrics.UplinkLatency.Observe(_services.Time.GetElapsedTime(packet.ReceivedTimestamp));
                }
                catch (ArgumentException)
                {
                    _services.HubMetrics.DroppedBackend.Increment();
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

    /// <summary>
    /// The model said something in the room: it will have been heard after its audio page and the satellite's buffer; its
    /// words are the home engine's dialogue context (an offer it makes can be accepted).
    /// </summary>
    private void OnModelWords(string piece)
    {
        var room = Room;
        _services.Coordinator.Said(room, _services.Time.GetUtcNow() + ModelWordsHeardAfter);
        _services.ModelWords.OnModelWords(room, piece);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Duplex path for room {Room} failed")]
    private partial void LogFailed(Exception ex, string room);
}
