using System.Runtime.InteropServices;
using System.Threading.Channels;
using Jarvis.Protocol.Opus;
using Jarvis.Server.Answering;
using Jarvis.Server.Speech;
using Jarvis.Server.Wyoming;

namespace Jarvis.Server.Conversation;

/// <summary>
/// One conversation's ears: the owning room's uplink packets, decoded once to 16 kHz (decoder and buffers reused), stream to
/// speech recognition per utterance (voice-activity start → stop, or <see cref="ConversationTurnOptions.EndOfTurnTimeout"/>
/// after the last packet); each ended utterance goes to its conversation to be answered. A voice start interrupts the
/// conversation's answer in flight.
/// </summary>
internal sealed partial class RoomListener : IAsyncDisposable
{
    private const int SampleRate = 16000;

    private readonly LiveConversation _conversation;
    private readonly ConversationServices _services;
    private readonly ILogger _logger;
    private readonly Channel<RoomEvent> _events = Channel.CreateBounded<RoomEvent>(
        new BoundedChannelOptions(200) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
        static dropped => dropped.Return());

    private readonly CancellationTokenSource _stop = new();
    private Task _run = Task.CompletedTask;

    public RoomListener(LiveConversation conversation, ConversationServices services)
    {
        _conversation = conversation;
        _services = services;
        _logger = services.Logger;
    }

    private string Room => _conversation.Room;

    public void Start() => _run = RunAsync(_stop.Token);

    public void Enqueue(RoomEvent evt)
    {
        if (!_events.Writer.TryWrite(evt))
        {
            evt.Return();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _events.Writer.TryComplete();
        await _run.ConfigureAwait(false);

        while (_events.Reader.TryRead(out var left))
        {
            left.Return();
        }

        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        var options = _services.Options;
        using var decoder = OpusFrameDecoder.Create(SampleRate);
        var preRoll = new PreRollPackets((int)(options.PreRoll.TotalMilliseconds / 20));
        var pcm = new byte[OpusFrameDecoder.MaxSamplesPerPacket(SampleRate) * 2];
        var utterance = new Utterance(_services, Room);

        // One end-of-turn timer, pushed back after every drain: a cancellable wait per packet would allocate per packet.
        using var endOfTurn = _services.Time.CreateTimer(static listener => ((RoomListener)listener!).OnEndOfTurnTimer(), this,
            Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        var lastEvent = _services.Time.GetTimestamp();
        try
        {
            while (await _events.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (_events.Reader.TryRead(out var evt))
                {
                    try
                    {
                        if (evt.Kind != RoomEventKind.Idle)
                        {
                            lastEvent = _services.Time.GetTimestamp();
                            await HandleAsync(evt, utterance, decoder, preRoll, pcm, cancellationToken).ConfigureAwait(false);
                        }
                        else if (utterance.IsOpen && _services.Time.GetElapsedTime(lastEvent) >= options.EndOfTurnTimeout)
                        {
                            await EndUtteranceAsync(utterance, evt.Timestamp, "no audio", cancellationToken).ConfigureAwait(false);
                        }
                    }
                    finally
                    {
                        evt.Return();
                    }
                }

                endOfTurn.Change(utterance.IsOpen ? options.EndOfTurnTimeout : Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Conversation over.
        }
        catch (Exception ex)
        {
            LogListenerFailed(ex, Room);
        }
        finally
        {
            await utterance.AbandonAsync().ConfigureAwait(false);
        }
    }

    private void OnEndOfTurnTimer() => _events.Writer.TryWrite(RoomEvent.Idle(_services.Time.GetTimestamp()));

    private async Task HandleAsync(RoomEvent evt, Utterance utterance, OpusFrameDecoder decoder, PreRollPackets preRoll, byte[] pcm, CancellationToken cancellationToken)
    {
        switch (evt.Kind)
        {
            case RoomEventKind.VoiceStart:
                await _conversation.InterruptAnswerAsync().ConfigureAwait(false);
                if (!utterance.IsOpen && await utterance.OpenAsync(Room, evt.Timestamp, cancellationToken).ConfigureAwait(false))
                {
                    for (var i = 0; i < preRoll.Count; i++)
                    {
                        await SendDecodedAsync(utterance, decoder, preRoll[i], pcm, cancellationToken).ConfigureAwait(false);
                    }
                }

                preRoll.Clear();

                break;
            case RoomEventKind.VoiceStop when utterance.IsOpen:
                await EndUtteranceAsync(utterance, evt.Timestamp, "voice stop", cancellationToken).ConfigureAwait(false);
                break;
            case RoomEventKind.Packet when !utterance.IsOpen:
                preRoll.Add(evt.Data);
                break;
            case RoomEventKind.Packet:
                await SendDecodedAsync(utterance, decoder, evt.Data, pcm, cancellationToken).ConfigureAwait(false);
                if (_services.Time.GetElapsedTime(utterance.StartedAt) >= _services.Options.MaxUtterance)
                {
                    await EndUtteranceAsync(utterance, evt.Timestamp, "maximum length", cancellationToken).ConfigureAwait(false);
                }

                break;
        }
    }

    private async Task EndUtteranceAsync(Utterance utterance, long endOfSpeechAt, string why, CancellationToken cancellationToken)
    {
        if (utterance.Take() is not { } recognition)
        {
            return;
        }

        LogUtteranceEnded(Room, why);
        await _conversation.AnswerAsync(recognition, endOfSpeechAt).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Listening in {Room} failed")]
    private partial void LogListenerFailed(Exception ex, string room);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Undecodable uplink packet from {Room}: {Error}")]
    private partial void LogBadPacket(string room, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Utterance in {Room} ended ({Why})")]
    private partial void LogUtteranceEnded(string room, string why);
}
