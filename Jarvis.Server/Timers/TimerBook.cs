using System.Threading.Channels;
using Jarvis.Server.Timers.Grammar;

namespace Jarvis.Server.Timers;

/// <summary>
/// Every room's timers: one lock, one <see cref="TimeProvider"/> timer set to the next end, every change saved at once.
/// Ended timers come out of <see cref="Ended"/> (after a restart, those that ended while the server was down come out at
/// once); <see cref="Changes"/> signals that the list changed (discovery), and so does every reader <see cref="Watch"/> hands out.
/// </summary>
public sealed class TimerBook : IDisposable
{
    private readonly TimerStore _store;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, RoomTimer> _timers = new(StringComparer.Ordinal);
    private readonly Channel<RoomTimer> _ended = Channel.CreateUnbounded<RoomTimer>(new() { SingleReader = true });
    private readonly Channel<bool> _changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly List<Channel<bool>> _watchers = [];
    private ITimer? _alarm;
    private bool _loaded;

    public TimerBook(TimerStore store, TimeProvider time)
    {
        _store = store;
        _time = time;
    }

    public ChannelReader<RoomTimer> Ended => _ended.Reader;

    public ChannelReader<bool> Changes => _changes.Reader;

    /// <summary>Reads the saved timers and arms the alarm; idempotent (the hosted service calls it at start).</summary>
    public void Load()
    {
        lock (_gate)
        {
            if (_loaded)
            {
                return;
            }

            _loaded = true;
            foreach (var timer in _store.Load())
            {
                _timers[timer.Id] = timer;
            }

            FireDue();
            Changed();
        }
    }

    /// <summary>A reader of its own that signals every change from now on (coalesced: one pending signal at most).</summary>
    public ChannelReader<bool> Watch()
    {
        var watcher = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        lock (_gate)
        {
            _watchers.Add(watcher);
        }

        return watcher.Reader;
    }

    /// <summary>True while a timer of the room runs (not paused, not ended).</summary>
    public bool IsRunningIn(string room)
    {
        lock (_gate)
        {
            return _timers.Values.Any(t => !t.IsPaused && string.Equals(t.Room, room, StringComparison.OrdinalIgnoreCase));
        }
    }

    public IReadOnlyList<RoomTimer> All()
    {
        lock (_gate)
        {
            return [.. _timers.Values.OrderBy(t => t.CreatedAt)];
        }
    }

    public RoomTimer Start(string room, SpokenDuration length, string? name, string? command = null)
    {
        var now = _time.GetUtcNow();
        var timer = new RoomTimer(Guid.NewGuid().ToString("N")[..12], room, name, length, now) { EndsAt = now + length.Length, Command = command };
        lock (_gate)
        {
            _timers[timer.Id] = timer;
            Changed();
        }

        return timer;
    }

    /// <summary>Adds (or with a negative <paramref name="delta"/> removes) time; a timer taken below zero ends now.</summary>
    public RoomTimer? Add(string id, TimeSpan delta) => Update(id, t => t.IsPaused
        ? t with { PausedLeft = Max(TimeSpan.Zero, t.PausedLeft!.Value + delta) }
        : t with { EndsAt = t.EndsAt + delta });

    public RoomTimer? Pause(string id) => Update(id, t => t.IsPaused ? t : t with { PausedLeft = t.Left(_time.GetUtcNow()) });

    public RoomTimer? Resume(string id) => Update(id, t => t.IsPaused ? t with { EndsAt = _time.GetUtcNow() + t.PausedLeft!.Value, PausedLeft = null } : t);

    public RoomTimer? Cancel(string id)
    {
        lock (_gate)
        {
            if (!_timers.Remove(id, out var timer))
            {
                return null;
            }

            Changed();
            return timer;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _alarm?.Dispose();
            _alarm = null;
        }
    }

    private RoomTimer? Update(string id, Func<RoomTimer, RoomTimer> change)
    {
        lock (_gate)
        {
            if (!_timers.TryGetValue(id, out var timer))
            {
                return null;
            }

            var updated = change(timer);
            _timers[id] = updated;
            FireDue();
            Changed();
            return updated;
        }
    }

    /// <summary>Under the lock: saves, signals, and sets the alarm to the next end.</summary>
    private void Changed()
    {
        _store.Save([.. _timers.Values]);
        _changes.Writer.TryWrite(true);
        foreach (var watcher in _watchers)
        {
            watcher.Writer.TryWrite(true);
        }

        var next = _timers.Values.Where(t => !t.IsPaused).Select(t => (DateTimeOffset?)t.EndsAt).Min();
        if (next is not { } due)
        {
            _alarm?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        var wait = Max(TimeSpan.Zero, due - _time.GetUtcNow());
        if (_alarm is null)
        {
            _alarm = _time.CreateTimer(_ => OnAlarm(), null, wait, Timeout.InfiniteTimeSpan);
        }
        else
        {
            _alarm.Change(wait, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnAlarm()
    {
        lock (_gate)
        {
            FireDue();
            Changed();
        }
    }

    /// <summary>Under the lock: removes the running timers whose end has come and hands them to <see cref="Ended"/>.</summary>
    private void FireDue()
    {
        var now = _time.GetUtcNow();
        var due = _timers.Values.Where(t => !t.IsPaused && t.EndsAt <= now).OrderBy(t => t.EndsAt).ToList();
        foreach (var timer in due)
        {
            _timers.Remove(timer.Id);
            _ended.Writer.TryWrite(timer);
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
