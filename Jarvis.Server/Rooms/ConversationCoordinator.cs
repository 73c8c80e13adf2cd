using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Rooms;

/// <summary>
/// Decides which room owns each conversation: arbitration by speech level (else score) within a window, quiet-period end, follow-me moves,
/// mute and disconnects. Pure logic driven by calls and by <see cref="TimeProvider"/> timers; every decision comes out of
/// <see cref="Commands"/> in the order it was taken. Thread-safe.
/// </summary>
public sealed partial class ConversationCoordinator : IDisposable
{
    private readonly Lock _gate = new();
    private readonly RoomsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ConversationCoordinator> _logger;
    private readonly Channel<HubCommand> _commands = Channel.CreateUnbounded<HubCommand>(new() { SingleReader = true });
    private readonly Dictionary<string, RoomPresence> _rooms = new(StringComparer.Ordinal);
    private readonly Conversation?[] _slots;
    private readonly List<WakeCandidate> _remoteClaims = [];
    private readonly List<(string Room, DateTimeOffset Until)> _waiting = [];
    private readonly HashSet<string> _announced = new(StringComparer.Ordinal);
    private readonly ITimer _timer;
    private ArbitrationRound? _round;

    public ConversationCoordinator(IOptions<RoomsOptions> options, TimeProvider time, ILogger<ConversationCoordinator> logger)
    {
        _options = options.Value;
        _time = time;
        _logger = logger;
        _slots = new Conversation?[_options.Slots];
        _timer = time.CreateTimer(_ => OnTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Decisions for the I/O layers (duplex router, satellite sessions, MQTT). One reader: the dispatcher.</summary>
    public ChannelReader<HubCommand> Commands => _commands.Reader;

    /// <summary>
    /// A local room heard the wake signal with the given score (0..1). Wake words and speech go through arbitration; a long
    /// press takes effect at once.
    /// </summary>
    public void Wake(string room, double score, WakeSource source)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            MarkActive(now);
            var presence = Room(room);
            presence.Online = true;
            if (presence.Muted)
            {
                LogIgnoredMutedWake(room);
                return;
            }

            var level = source != WakeSource.LongPress && presence.Speaking ? presence.LevelDbfs : null;
            var candidate = new WakeCandidate(room, score, source, Local: true, now, level);
            if (source == WakeSource.LongPress)
            {
                // A press is a deliberate act in one room, not a sound other rooms hear: no arbitration.
                Grant(candidate, heardByOwnerOf: _ => false, now);
            }
            else
            {
                OpenRound(now).Add(candidate);
                Emit(new HubCommand(HubCommandKind.Claim, room, Score: score, Reason: source.ToString(), LevelDbfs: level));
                Emit(new HubCommand(HubCommandKind.Led, room, Led: RoomLed.Listening));
            }

            Pump(now);
        }
    }

    /// <summary>
    /// Another server's room claims the same wake (MQTT arbitration), with its speech level when its satellite measures it:
    /// compared with the local rooms as if it were one of them.
    /// </summary>
    public void RemoteClaim(string room, double score, double? levelDbfs = null)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var claim = new WakeCandidate(room, score, WakeSource.WakeWord, Local: false, now, levelDbfs);
            _remoteClaims.RemoveAll(c => c.At < now - _options.ArbitrationWindow - _options.ArbitrationWindow);
            _remoteClaims.Add(claim);
            _round?.Add(claim);
            Pump(now);
        }
    }

    /// <summary>
    /// Voice activity in a room (satellite VAD): start/stop, its current score (0..1) and, when the satellite measures it,
    /// the speech level in dBFS (at start: over the voice onset).
    /// </summary>
    public void Voice(string room, bool speaking, double score, double? levelDbfs = null)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            MarkActive(now);
            var presence = Room(room);
            presence.Speaking = speaking && !presence.Muted;
            presence.Score = presence.Speaking ? score : 0;
            presence.LevelDbfs = presence.Speaking ? levelDbfs : null;
            FindConversation(room)?.Touch(now);
            UpdateFollowMe(now);
            Pump(now);
        }
    }

    /// <summary>The speech level (dBFS) of a room that is speaking, updated while the speech lasts (follow-me compares it).</summary>
    public void Level(string room, double levelDbfs)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var presence = Room(room);
            if (!presence.Speaking)
            {
                return;
            }

            presence.LevelDbfs = levelDbfs;
            FindConversation(room)?.Touch(now);
            UpdateFollowMe(now);
            Pump(now);
        }
    }

    public void SetMuted(string room, bool muted)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var presence = Room(room);
            if (presence.Muted != muted)
            {
                presence.Muted = muted;
                Emit(new HubCommand(HubCommandKind.Mute, room, State: muted));
            }

            if (muted)
            {
                presence.Speaking = false;
                presence.Score = 0;
                presence.LevelDbfs = null;
                Withdraw(room, now, "muted");
            }

            Pump(now);
        }
    }

    public void SetOnline(string room, bool online)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var presence = Room(room);
            if (presence.Online != online || !_announced.Contains(room))
            {
                presence.Online = online;
                _announced.Add(room);
                Emit(new HubCommand(HubCommandKind.Presence, room, State: online));
            }

            if (!online)
            {
                presence.Speaking = false;
                presence.Score = 0;
                presence.LevelDbfs = null;
                Withdraw(room, now, "satellite disconnected");
            }

            Pump(now);
        }
    }

    /// <summary>
    /// Something was said to the user in the room (an answer's audio, the model's words) that they will have heard by
    /// <paramref name="heardBy"/>: the quiet period counts from then. Cheap enough to call per packet.
    /// </summary>
    public void Said(string room, DateTimeOffset heardBy)
    {
        lock (_gate)
        {
            FindConversation(room)?.Touch(heardBy);
        }
    }

    /// <summary>Ends the room's conversation from outside (PersonaPlex failed: <paramref name="error"/> shows the error LED).</summary>
    public void EndConversation(string room, string reason, bool error)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (FindConversation(room) is { } conversation)
            {
                End(conversation, reason, error ? RoomLed.Error : RoomLed.Idle);
            }

            Pump(now);
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        _commands.Writer.TryComplete();
    }

    private RoomPresence Room(string room)
    {
        if (!_rooms.TryGetValue(room, out var presence))
        {
            presence = new RoomPresence(room);
            _rooms.Add(room, presence);
        }

        return presence;
    }

    /// <summary>The room's conversation, if any (a loop, not a lambda: called per voice event and per packet).</summary>
    private Conversation? FindConversation(string room)
    {
        foreach (var conversation in _slots)
        {
            if (conversation is not null && conversation.Room == room)
            {
                return conversation;
            }
        }

        return null;
    }

    private void Emit(HubCommand command)
    {
        _commands.Writer.TryWrite(command);
        LogCommand(command);
    }

    private void OnTimer()
    {
        lock (_gate)
        {
            Pump(_time.GetUtcNow());
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Hub: {Command}")]
    private partial void LogCommand(HubCommand command);

    [LoggerMessage(Level = LogLevel.Information, Message = "Wake in muted room {Room} ignored")]
    private partial void LogIgnoredMutedWake(string room);
}
