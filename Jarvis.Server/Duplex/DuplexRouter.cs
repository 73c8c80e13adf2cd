using Jarvis.Protocol.Link.Messages;
using Jarvis.Server.HomeAssistant;
using Jarvis.Server.PersonaPlex;
using Jarvis.Server.Rooms;
using Jarvis.Server.Satellites;
using Jarvis.Server.Speech;
using Jarvis.Server.Status;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Duplex;

/// <summary>
/// Runs the audio of every conversation slot: starts a <see cref="DuplexConversation"/> on Start, re-targets it on Move
/// (before the old room is flushed: it receives nothing more), ends it on End; plays the error earcon with the error LED.
/// First of the hub's sinks.
/// </summary>
public sealed partial class DuplexRouter : IHubCommandSink, IUplinkAudioSink, IAsyncDisposable
{
    private static readonly TimeSpan ModelWordsHeardAfter = TimeSpan.FromMilliseconds(300);

    private readonly IPersonaPlexSessions _sessions;
    private readonly SatelliteRegistry _satellites;
    private readonly ConversationCoordinator _coordinator;
    private readonly HubMetrics _metrics;
    private readonly ErrorEarcon _earcon;
    private readonly TimeProvider _time;
    private readonly TimeSpan _connectTimeout;
    private readonly ILogger<DuplexRouter> _logger;
    private readonly DuplexConversation?[] _slots;
    private readonly Conversation.TurnModeSelector _modes;
    private readonly IModelWordsListener _modelWords;

    public DuplexRouter(IPersonaPlexSessions sessions, SatelliteRegistry satellites, ConversationCoordinator coordinator, HubMetrics metrics,
        ErrorEarcon earcon, IOptions<RoomsOptions> rooms, IOptions<PersonaPlexOptions> personaPlex, Conversation.TurnModeSelector modes,
        IModelWordsListener modelWords, TimeProvider time, ILogger<DuplexRouter> logger)
    {
        _modes = modes;
        _modelWords = modelWords;
        _sessions = sessions;
        _satellites = satellites;
        _coordinator = coordinator;
        _metrics = metrics;
        _earcon = earcon;
        _time = time;
        _connectTimeout = personaPlex.Value.HandshakeTimeout + TimeSpan.FromSeconds(1);
        _logger = logger;
        _slots = new DuplexConversation?[rooms.Value.Slots];
    }

    public int Order => 0;

    public ValueTask OnUplinkAsync(SatelliteSession session, ReadOnlyMemory<byte> opusPacket, long receivedTimestamp, CancellationToken cancellationToken)
    {
        foreach (var conversation in _slots)
        {
            if (conversation is not null && conversation.Room == session.Room)
            {
                conversation.Enqueue(opusPacket.Span, receivedTimestamp);
                return ValueTask.CompletedTask;
            }
        }

        _metrics.DroppedNotActive.Increment();
        return ValueTask.CompletedTask;
    }

    /// <summary>True when the room's conversation runs on PersonaPlex (false in pipeline mode or with no conversation).</summary>
    public bool HasModel(string room)
    {
        foreach (var conversation in _slots)
        {
            if (conversation is not null && conversation.Room == room)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Cuts (or restores) PersonaPlex's audio in the room's conversation, e.g. while an Ollama answer plays: the satellite is
    /// flushed at once and PersonaPlex keeps being clocked. False when the room has no conversation.
    /// </summary>
    public bool CutModelAudio(string room, bool cut)
    {
        foreach (var conversation in _slots)
        {
            if (conversation is not null && conversation.Room == room)
            {
                conversation.ModelAudioCut = cut;
                if (cut)
                {
                    _satellites.ByRoom(room)?.Outbound.Flush(Jarvis.Protocol.Link.Messages.FlushReason.Cut);
                }

                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Plays a short clip (a confirmation earcon) in the room's conversation between PersonaPlex's packets, without cutting
    /// it. False when the room has no conversation.
    /// </summary>
    public bool InsertAudio(string room, OpusRecording clip)
    {
        foreach (var conversation in _slots)
        {
            if (conversation is not null && conversation.Room == room && conversation.Insert(clip))
            {
                _coordinator.Said(room, _time.GetUtcNow() + clip.Duration + ModelWordsHeardAfter);
                return true;
            }
        }

        return false;
    }

    public async ValueTask HandleAsync(HubCommand command, CancellationToken cancellationToken)
    {
        switch (command.Kind)
        {
            case HubCommandKind.Start:
                await StopAsync(command.Slot).ConfigureAwait(false);
                if (_modes.Select(PersonaPlexAvailable()) == Conversation.TurnMode.Pipeline)
                {
                    LogPipelineConversation(command.Room);
                    break;
                }

                _slots[command.Slot] = new DuplexConversation(command.Slot, command.Room, _sessions, _satellites, _metrics, _time,
                    _connectTimeout, OnFailureAsync, OnModelWords, _logger);
                break;
            case HubCommandKind.Move when _slots[command.Slot] is { } conversation:
                conversation.Room = command.Room;
                break;
            case HubCommandKind.End:
                await StopAsync(command.Slot).ConfigureAwait(false);
                break;
            case HubCommandKind.Led when command.Led == RoomLed.Error && _satellites.ByRoom(command.Room) is { } session:
                foreach (var packet in _earcon.Packets)
                {
                    session.SendAudio(packet, StreamKind.Burst);
                }

                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        for (var slot = 0; slot < _slots.Length; slot++)
        {
            await StopAsync(slot).ConfigureAwait(false);
        }
    }

    /// <summary>False when every endpoint is failing (backoff, busy, stopped): the conversation then runs on the pipeline.</summary>
    private bool PersonaPlexAvailable() =>
        _sessions.GetStatus().Any(s => s.State is not (PersonaPlexState.Backoff or PersonaPlexState.Busy or PersonaPlexState.Stopped));

    private async Task StopAsync(int slot)
    {
        if (Interlocked.Exchange(ref _slots[slot], null) is { } conversation)
        {
            await conversation.DisposeAsync().ConfigureAwait(false);
        }
    }

    private Task OnFailureAsync(DuplexConversation conversation, string reason)
    {
        if (_slots[conversation.Slot] == conversation)
        {
            LogBackendFailed(conversation.Room, reason);
            _coordinator.EndConversation(conversation.Room, reason, error: true);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// The model said something in the room: it will have been heard after its audio page and the satellite's buffer; its
    /// words are the home engine's dialogue context (an offer it makes can be accepted).
    /// </summary>
    private void OnModelWords(string room, string piece)
    {
        _coordinator.Said(room, _time.GetUtcNow() + ModelWordsHeardAfter);
        _modelWords.OnModelWords(room, piece);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Conversation in {Room} runs on the speech pipeline (ASR, LLM, TTS)")]
    private partial void LogPipelineConversation(string room);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation in {Room} ended: {Reason}")]
    private partial void LogBackendFailed(string room, string reason);
}
