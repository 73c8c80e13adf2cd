using System.Collections.Concurrent;
using Jarvis.Server.Duplex;
using Jarvis.Server.Rooms;
using Jarvis.Server.Satellites;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Conversation;

/// <summary>
/// Turn-taking beside the hub's audio path: when a conversation starts (after the duplex router has chosen PersonaPlex or
/// the pipeline for it) it records the mode (<see cref="ConversationModes"/>) and opens a <see cref="RoomListener"/> that
/// follows the conversation from room to room; the owning room's uplink packets and voice-activity events go to it.
/// </summary>
public sealed partial class ConversationTurns : IHubCommandSink, IUplinkAudioSink, IRoomVoiceObserver, IAsyncDisposable
{
    private readonly ConversationModes _modes;
    private readonly ConversationTurnServices _services;
    private readonly ILogger<ConversationTurns> _logger;
    private readonly RoomListener?[] _slots;

    /// <summary>Rooms whose user is speaking now, with when the voice started (a conversation may start mid-utterance).</summary>
    private readonly ConcurrentDictionary<string, long> _speakingSince = new(StringComparer.Ordinal);

    public ConversationTurns(ConversationModes modes, ConversationTurnServices services, IOptions<RoomsOptions> rooms, ILogger<ConversationTurns> logger)
    {
        _modes = modes;
        _services = services;
        _logger = logger;
        _slots = new RoomListener?[rooms.Value.Slots];
    }

    /// <summary>After the duplex router (0), which decides whether the conversation runs on PersonaPlex.</summary>
    public int Order => 1;

    public async ValueTask HandleAsync(HubCommand command, CancellationToken cancellationToken)
    {
        switch (command.Kind)
        {
            case HubCommandKind.Start when command.Slot >= 0 && command.Slot < _slots.Length:
                await StopAsync(command.Slot).ConfigureAwait(false);
                var mode = _services.Duplex.HasModel(command.Room) ? TurnMode.Duplex : TurnMode.Pipeline;
                _modes.Begin(command.Slot, command.Room, mode);
                LogStarted(command.Room, mode);
                var listener = new RoomListener(command.Room, mode, _services);
                if (_speakingSince.TryGetValue(command.Room, out var since))
                {
                    // "Hey Jarvis, turn on the lights" in one breath: the conversation starts while the user is still
                    // speaking, so the utterance opens now instead of at the next voice start.
                    listener.Enqueue(RoomEvent.Voice(true, since));
                }

                _slots[command.Slot] = listener;
                break;
            case HubCommandKind.Move when command.Slot >= 0 && command.Slot < _slots.Length && _slots[command.Slot] is { } moving:
                moving.Room = command.Room;
                _modes.Move(command.Slot, command.Room);
                break;
            case HubCommandKind.End when command.Slot >= 0 && command.Slot < _slots.Length:
                await StopAsync(command.Slot).ConfigureAwait(false);
                _modes.End(command.Slot);
                break;
        }
    }

    public ValueTask OnUplinkAsync(SatelliteSession session, ReadOnlyMemory<byte> opusPacket, long receivedTimestamp, CancellationToken cancellationToken)
    {
        ListenerOf(session.Room)?.Enqueue(RoomEvent.Packet(opusPacket.Span, receivedTimestamp));
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

        ListenerOf(session.Room)?.Enqueue(RoomEvent.Voice(speaking, timestamp));
    }

    public async ValueTask DisposeAsync()
    {
        for (var slot = 0; slot < _slots.Length; slot++)
        {
            await StopAsync(slot).ConfigureAwait(false);
        }
    }

    private RoomListener? ListenerOf(string room)
    {
        foreach (var listener in _slots)
        {
            if (listener is not null && listener.Room == room)
            {
                return listener;
            }
        }

        return null;
    }

    private async Task StopAsync(int slot)
    {
        if (Interlocked.Exchange(ref _slots[slot], null) is { } listener)
        {
            await listener.DisposeAsync().ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Conversation in {Room} runs in {Mode} mode")]
    private partial void LogStarted(string room, TurnMode mode);
}
