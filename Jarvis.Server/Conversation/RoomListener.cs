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
/// conversation's answer in flight. At a pause after some speech (<see cref="ConversationTurnOptions.CommandPause"/>, long
/// before the satellite's voice stop) what was said is transcribed ahead (<see cref="CommandProbe"/>): a complete home
/// command ends the utterance there and is answered at once; if the user then goes on before the voice stop, what follows
/// is a new utterance.
/// </summary>
internal sealed partial class RoomListener : IAsyncDisposable
{
    private const int SampleRate = 16000;
    private const int FrameMilliseconds = 20;
    private const int FrameSamples = SampleRate * FrameMilliseconds / 1000;

    /// <summary>Voiced frames after an early answer that make what follows a new utterance.</summary>
    private const int GoesOnFrames = 3;

    private readonly LiveConversation _conversation;
    private readonly ConversationServices _services;
    private readonly ILogger _logger;
    private readonly Channel<RoomEvent> _events = Channel.CreateBounded<RoomEvent>(
        new BoundedChannelOptions(200) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
        static dropped => dropped.Return());

    private readonly CancellationTokenSource _stop = new();
    private readonly PauseDetector _pause;
    private readonly DecodedTail _tail;
    private Task _run = Task.CompletedTask;
    private Task _probe = Task.CompletedTask;

    /// <summary>The pause whose transcript is awaited (0: none).</summary>
    private long _probeAt;

    /// <summary>An utterance was answered at a pause and the satellite has not yet sent its voice stop.</summary>
    private bool _endedEarly;

    /// <summary>The open utterance was opened by the conversation's start in mid-breath (<see cref="RoomEventKind.SpeakingAtStart"/>).</summary>
    private bool _openedAtStart;

    public RoomListener(LiveConversation conversation, ConversationServices services)
    {
        _conversation = conversation;
        _services = services;
        _logger = services.Logger;
        _pause = new PauseDetector((int)(services.Options.CommandPause.TotalMilliseconds / FrameMilliseconds));
        _tail = new DecodedTail((int)(services.Options.PreRoll.TotalMilliseconds / FrameMilliseconds) * FrameSamples * 2);
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
        await _probe.ConfigureAwait(false);

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
            // No token on the wait (a cancellable wait allocates on every packet): disposal cancels, then completes the queue.
            while (await _events.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (!cancellationToken.IsCancellationRequested && _events.Reader.TryRead(out var evt))
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

                if (cancellationToken.IsCancellationRequested)
                {
                    break; // what is left is returned by DisposeAsync
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
            await _probe.ConfigureAwait(false);
            utterance.ReleaseBuffer();
        }
    }

    private void OnEndOfTurnTimer() => _events.Writer.TryWrite(RoomEvent.Idle(_services.Time.GetTimestamp()));

    private async Task HandleAsync(RoomEvent evt, Utterance utterance, OpusFrameDecoder decoder, PreRollPackets preRoll, byte[] pcm, CancellationToken cancellationToken)
    {
        switch (evt.Kind)
        {
            case RoomEventKind.VoiceStart or RoomEventKind.SpeakingAtStart:
                _endedEarly = false;
                await _conversation.InterruptAnswerAsync().ConfigureAwait(false);
                if (!utterance.IsOpen && await OpenAsync(utterance, evt.Timestamp, cancellationToken).ConfigureAwait(false))
                {
                    _openedAtStart = evt.Kind == RoomEventKind.SpeakingAtStart;
                    for (var i = 0; i < preRoll.Count; i++)
                    {
                        await SendDecodedAsync(utterance, decoder, preRoll[i], pcm, evt.Timestamp, cancellationToken).ConfigureAwait(false);
                    }
                }

                preRoll.Clear();

                break;
            case RoomEventKind.VoiceStop when utterance.IsOpen:
                _endedEarly = false;
                await EndUtteranceAsync(utterance, evt.Timestamp, "voice stop", cancellationToken).ConfigureAwait(false);
                break;
            case RoomEventKind.VoiceStop:
                // The satellite's stop after a command answered at its pause: nothing more was said.
                _endedEarly = false;
                break;
            case RoomEventKind.Packet when !utterance.IsOpen && _endedEarly:
                await ListenAfterEarlyAnswerAsync(evt, utterance, decoder, pcm, cancellationToken).ConfigureAwait(false);
                break;
            case RoomEventKind.Packet when !utterance.IsOpen:
                preRoll.Add(evt.Data);
                break;
            case RoomEventKind.Packet:
                await SendDecodedAsync(utterance, decoder, evt.Data, pcm, evt.Timestamp, cancellationToken).ConfigureAwait(false);
                if (_services.Time.GetElapsedTime(utterance.StartedAt) >= _services.Options.MaxUtterance)
                {
                    await EndUtteranceAsync(utterance, evt.Timestamp, "maximum length", cancellationToken).ConfigureAwait(false);
                }
                else if (_pause.InReportedPause is false && _probeAt != 0)
                {
                    // The user went on after the pause: its transcript, when it comes, is stale.
                    _probeAt = 0;
                }

                break;
            case RoomEventKind.Transcribed when utterance.IsOpen && evt.Timestamp == _probeAt && _pause.InReportedPause:
                await AnswerAtPauseAsync(evt, utterance, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task<bool> OpenAsync(Utterance utterance, long timestamp, CancellationToken cancellationToken)
    {
        _openedAtStart = false;
        _pause.Reset();
        _probeAt = 0;
        return await utterance.OpenAsync(Room, timestamp, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A pause after speech: what was said so far is transcribed on the side, the utterance goes on meanwhile.</summary>
    private void ProbeAtPause(Utterance utterance, long pauseAt)
    {
        if (!_probe.IsCompleted || utterance.CopyHeard() is not { } heard)
        {
            return;
        }

        _probeAt = pauseAt;
        _probe = CommandProbe.RunAsync(_services, Room, heard.Buffer, heard.Length, pauseAt, e => _events.Writer.TryWrite(e), _stop.Token);
    }

    /// <summary>The transcript up to the pause is in and the user is still silent: a whole home command is answered now.</summary>
    private async Task AnswerAtPauseAsync(RoomEvent evt, Utterance utterance, CancellationToken cancellationToken)
    {
        _probeAt = 0;
        var heard = evt.Heard!;
        var request = new HomeAssistant.HomeRequest(heard.Text, Room, _conversation.Mode == TurnMode.Pipeline, evt.Timestamp);
        if (string.IsNullOrWhiteSpace(heard.Text) || !_services.Home.IsCompleteCommand(request))
        {
            return;
        }

        await utterance.AbandonAsync().ConfigureAwait(false);
        _endedEarly = true;
        _pause.Reset();
        _tail.Clear();
        LogUtteranceEnded(Room, "command pause");
        cancellationToken.ThrowIfCancellationRequested();
        await _conversation.AnswerAsync(new FinishedRecognition(heard), evt.Timestamp).ConfigureAwait(false);
    }

    /// <summary>
    /// After a command answered at its pause, before the satellite's voice stop: the audio is decoded and kept (the last
    /// <see cref="ConversationTurnOptions.PreRoll"/>); if the user goes on, what follows is a new utterance (the answer is
    /// not interrupted: "… and the fan too" adds to it).
    /// </summary>
    private async Task ListenAfterEarlyAnswerAsync(RoomEvent evt, Utterance utterance, OpusFrameDecoder decoder, byte[] pcm, CancellationToken cancellationToken)
    {
        var samples = Decode(decoder, evt.Data, pcm);
        for (var offset = 0; offset + FrameSamples <= samples; offset += FrameSamples)
        {
            _pause.Update(MemoryMarshal.Cast<byte, short>(pcm.AsSpan(offset * 2, FrameSamples * 2)));
        }

        _tail.Add(pcm.AsSpan(0, samples * 2));
        if (_pause.VoicedRun < GoesOnFrames)
        {
            return;
        }

        _endedEarly = false;
        if (await OpenAsync(utterance, evt.Timestamp, cancellationToken).ConfigureAwait(false))
        {
            LogWentOn(Room);
            await utterance.SendAsync(_tail.Pcm, cancellationToken).ConfigureAwait(false);
        }

        _tail.Clear();
    }

    private async Task EndUtteranceAsync(Utterance utterance, long endOfSpeechAt, string why, CancellationToken cancellationToken)
    {
        if (_openedAtStart && utterance.IsOpen && _pause.VoicedFrames < PauseDetector.MinSpeechFrames)
        {
            // "Hey Jarvis" and a pause: what the conversation heard of that breath is the wake word's tail, not a request
            // (a recogniser may still make words of it: Whisper's "Thank you." on near-silence). The next voice start opens
            // the first utterance.
            _openedAtStart = false;
            await utterance.AbandonAsync().ConfigureAwait(false);
            LogWakeTail(Room, _pause.VoicedFrames * FrameMilliseconds);
            return;
        }

        _openedAtStart = false;
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

    [LoggerMessage(Level = LogLevel.Debug, Message = "The user in {Room} went on after a command answered at its pause: a new utterance")]
    private partial void LogWentOn(string room);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The wake word's tail in {Room} held {VoicedMs} ms of voice after the conversation started: not a request, not transcribed")]
    private partial void LogWakeTail(string room, int voicedMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Utterance in {Room} ended ({Why})")]
    private partial void LogUtteranceEnded(string room, string why);
}
