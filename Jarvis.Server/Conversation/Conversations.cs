using System.Collections.Concurrent;
using Jarvis.Server.PersonaPlex;
using Jarvis.Server.Rooms;
using Jarvis.Server.Satellites;

namespace Jarvis.Server.Conversation;

/// <summary>
/// The hub's one sink for live conversations: creates them (on Start, in the mode chosen then by <see cref="TurnModeSelector"/>),
/// moves them (follow-me) and ends them, in <see cref="LiveConversations"/> (the one slot map). Each uplink packet and voice
/// event of a room in conversation is handed once to its conversation.
/// </summary>
public sealed partial class Conversations : IHubCommandSink, IUplinkAudioSink, IRoomVoiceObserver, IAsyncDisposable
{
    private readonly ConversationServices _services;
    private readonly TurnModeSelector _modes;
    private readonly ILogger<Conversations> _logger;
    private readonly LiveConversations _live;

    /// <summary>Rooms whose user is speaking now, with when the voice started (a conversation may start mid-utterance).</summary>
    private readonly ConcurrentDictionary<string, long> _speakingSince = new(StringComparer.Ordinal);

    public Conversations(ConversationServices services, LiveConversations live, TurnModeSelector modes, ILogger<Conversations> logger)
    {
        _services = services;
        _live = live;
        _modes = modes;
        _logger = logger;
    }

    /// <summary>First of the hub's sinks: the audio path switches before the satellites hear of a move or an end.</summary>
    public int Order => 0;

    public async ValueTask HandleAsync(HubCommand command, CancellationToken cancellationToken)
    {
        if (command.Slot < 0 || command.Slot >= _live.Slots)
        {
            return;
        }

        switch (command.Kind)
        {
            case HubCommandKind.Start:
                await StopAsync(command.Slot).ConfigureAwait(false);
                var mode = _modes.Select(PersonaPlexAvailable());
                LogStarted(command.Room, mode);
                var conversation = new LiveConversation(command.Slot, command.Room, mode, _services, OnFailed);
                _live.Set(command.Slot, conversation);
                conversation.Start(_speakingSince.TryGetValue(command.Room, out var since) ? since : null);
                break;
            case HubCommandKind.Move when _live.At(command.Slot) is { } moving:
                moving.Room = command.Room;
                break;
            case HubCommandKind.End:
                await StopAsync(command.Slot).ConfigureAwait(false);
                break;
        }
    }

    public ValueTask OnUplinkAsync(SatelliteSession session, ReadOnlyMemory<byte> opusPacket, long receivedTimestamp, CancellationToken cancellationToken)
    {
        // A room without a conversation sends voice-gated audio for the wake path: not a dropped packet.
        _live.In(session.Room)?.OnUplink(opusPacket.Span, receivedTimestamp);

        return ValueTask.CompletedTask;
    }

    public void OnVoice(SatelliteSession session, bool speaking, long timestamp)
    {
        if (speaking)
        {
            _speakingSince[session.Room] = timestamp;
        }
        else
        {
            _speakingSince.TryRemove(session.Room, out _);
        }

        _live.In(session.Room)?.OnVoice(speaking, timestamp);
    }

    public async ValueTask DisposeAsync()
    {
        for (var slot = 0; slot < _live.Slots; slot++)
        {
            await StopAsync(slot).ConfigureAwait(false);
        }
    }

    /// <summary>False when every endpoint is failing (backoff, busy, stopped): the conversation then runs on the pipeline.</summary>
    private bool PersonaPlexAvailable() =>
        _services.PersonaPlex.GetStatus().Any(s => s.State is not (PersonaPlexState.Backoff or PersonaPlexState.Busy or PersonaPlexState.Stopped));

    private async Task StopAsync(int slot)
    {
        if (_live.Take(slot) is { } conversation)
        {
            await conversation.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void OnFailed(LiveConversation conversation, string reason)
    {
        if (_live.At(conversation.Slot) == conversation)
        {
            LogBackendFailed(conversation.Room, reason);
            _services.Coordinator.EndConversation(conversation.Room, reason, error: true);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Conversation in {Room} runs in {Mode} mode")]
    private partial void LogStarted(string room, TurnMode mode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation in {Room} ended: {Reason}")]
    private partial void LogBackendFailed(string room, string reason);
}
