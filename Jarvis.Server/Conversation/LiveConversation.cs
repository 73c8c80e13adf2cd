using Jarvis.Server.Speech;

namespace Jarvis.Server.Conversation;

/// <summary>
/// One live conversation (one slot): its room (changed only by a move), its mode (decided once, when it starts), its PersonaPlex
/// leg (duplex mode), its listener (utterances → ASR), the answer in flight and the model-audio cut. Uplink packets and voice
/// events of the owning room come in once, here, and go to the leg and the listener.
/// </summary>
internal sealed partial class LiveConversation : IAsyncDisposable
{
    private readonly ConversationServices _services;
    private readonly ILogger _logger;
    private readonly Action<LiveConversation, string> _onFailed;
    private readonly DuplexLeg? _leg;
    private readonly RoomListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private volatile string _room;
    private AnswerInFlight? _answer;

    public LiveConversation(int slot, string room, TurnMode mode, ConversationServices services, Action<LiveConversation, string> onFailed)
    {
        Slot = slot;
        _room = room;
        Mode = mode;
        _services = services;
        _logger = services.Logger;
        _onFailed = onFailed;
        _leg = mode == TurnMode.Duplex ? new DuplexLeg(this, services) : null;
        _listener = new RoomListener(this, services);
    }

    public int Slot { get; }

    /// <summary>The room that owns the conversation now: its packets come in, the answers and PersonaPlex's audio go out to it.</summary>
    public string Room
    {
        get => _room;
        set => _room = value;
    }

    /// <summary>Duplex (PersonaPlex talks, the server answers what it cannot) or pipeline (every answer is ours).</summary>
    public TurnMode Mode { get; }

    /// <summary>Starts the PersonaPlex leg and the listener; <paramref name="speakingSince"/>: the user is already speaking.</summary>
    public void Start(long? speakingSince)
    {
        _leg?.Start();
        _listener.Start();
        if (speakingSince is { } since)
        {
            // "Hey Jarvis, turn on the lights" in one breath: the conversation starts while the user is still speaking, so
            // the utterance opens now instead of at the next voice start.
            _listener.Enqueue(RoomEvent.SpeakingAtStart(since));
        }
    }

    /// <summary>One Opus packet of the owning room (copied; the memory is only valid during the call).</summary>
    public void OnUplink(ReadOnlySpan<byte> opusPacket, long receivedTimestamp)
    {
        _leg?.Enqueue(opusPacket, receivedTimestamp);
        _listener.Enqueue(RoomEvent.Packet(opusPacket, receivedTimestamp));
    }

    public void OnVoice(bool speaking, long timestamp) => _listener.Enqueue(RoomEvent.Voice(speaking, timestamp));

    /// <summary>Cuts (flushing the satellite) or restores PersonaPlex's audio. False in pipeline mode.</summary>
    public bool CutModelAudio(bool cut)
    {
        _leg?.Cut(cut);
        return _leg is not null;
    }

    /// <summary>Plays a clip between PersonaPlex's packets without cutting it. False in pipeline mode or without a satellite.</summary>
    public bool InsertAudio(OpusRecording clip) => _leg?.Insert(clip) ?? false;

    /// <summary>The room's audio for an answer or an announcement: its first flush cuts PersonaPlex, disposing gives the room back.</summary>
    public HandoffAudioSink AudioSink() => new(_services.RoomAudio.For(Room), this);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _listener.DisposeAsync().ConfigureAwait(false);
        if (_answer is { } answer)
        {
            await answer.CancelAsync().ConfigureAwait(false);
        }

        if (_leg is not null)
        {
            await _leg.DisposeAsync().ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    /// <summary>The PersonaPlex session failed under the conversation: it ends (error LED and earcon).</summary>
    internal void OnDuplexFailed(string reason) => _onFailed(this, reason);

    /// <summary>An utterance ended: its transcript is answered (the answer before it, if still running, is interrupted first).</summary>
    internal async Task AnswerAsync(ISpeechRecognition recognition, long endOfSpeechAt)
    {
        await InterruptAnswerAsync().ConfigureAwait(false);
        _answer = AnswerInFlight.Start(_services, this, recognition, endOfSpeechAt, _stop.Token);
    }

    /// <summary>
    /// The user speaks while an answer is coming or playing: it stops at once. In duplex mode a turn that has not taken the
    /// room (a home command running while PersonaPlex speaks) goes on.
    /// </summary>
    internal async Task InterruptAnswerAsync()
    {
        if (_answer is { } answer && (answer.Speaking || Mode == TurnMode.Pipeline) && !answer.Completion.IsCompleted)
        {
            LogInterruptedAt(Room, Satellites.MonotonicMicroseconds.Now(_services.Time));
            LogInterrupted(Room);
            await answer.CancelAsync().ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The user spoke over the answer in {Room}: playback stopped")]
    private partial void LogInterrupted(string room);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Answer in {Room} interrupted at {AtUs} µs (monotonic)")]
    private partial void LogInterruptedAt(string room, long atUs);
}
