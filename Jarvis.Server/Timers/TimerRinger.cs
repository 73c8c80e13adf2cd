using Jarvis.Protocol.Link.Messages;
using Jarvis.Server.Conversation;
using Jarvis.Server.HomeAssistant;
using Jarvis.Server.HomeAssistant.Conversation;
using Jarvis.Server.Rooms;
using Jarvis.Server.Satellites;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Timers;

/// <summary>
/// Rings ended timers in their rooms: the LEDs in the timer state (shown even when muted) and the ring earcon every
/// <see cref="TimersOptions.RingInterval"/>, until the button is pressed, "stop" is said (<see cref="Stop"/>) or
/// <see cref="TimersOptions.RingTimeout"/> passes. In a room that owns a conversation the ring cuts PersonaPlex's audio and
/// gives it back afterwards, as a deep answer does. A timer with a command runs the command instead of ringing.
/// </summary>
public sealed partial class TimerRinger(
    TimerBook book,
    TimerEarcon earcon,
    SatelliteRegistry satellites,
    RoomLeds leds,
    LiveConversations conversations,
    ConversationCoordinator coordinator,
    HomeConversation home,
    IOptionsMonitor<TimersOptions> options,
    TimeProvider time,
    ILogger<TimerRinger> logger) : BackgroundService, IRoomButtonObserver
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Ring> _rings = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Task> _loops = [];
    private readonly Queue<RingStopped> _stopped = new();

    /// <summary>The last rings that stopped, oldest first (why: button, voice, timeout, server stopping).</summary>
    public IReadOnlyList<RingStopped> Stopped()
    {
        lock (_gate)
        {
            return [.. _stopped];
        }
    }

    public bool IsRinging(string room)
    {
        lock (_gate)
        {
            return _rings.ContainsKey(room);
        }
    }

    /// <summary>The rooms ringing now, with the timers that ended there.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<RoomTimer>> Ringing()
    {
        lock (_gate)
        {
            return _rings.ToDictionary(r => r.Key, r => (IReadOnlyList<RoomTimer>)[.. r.Value.Timers], StringComparer.OrdinalIgnoreCase);
        }
    }

    /// <summary>Silences the room's ring; false when it was not ringing.</summary>
    public bool Stop(string room, string reason)
    {
        lock (_gate)
        {
            if (!_rings.TryGetValue(room, out var ring))
            {
                return false;
            }

            ring.Reason = reason;
            ring.Stopping.Cancel();
            return true;
        }
    }

    public bool OnButton(string room, ButtonPress press) => Stop(room, "button");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        book.Load();
        try
        {
            await foreach (var timer in book.Ended.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                if (timer.Command is { } command)
                {
                    await RunCommandAsync(timer, command, stoppingToken).ConfigureAwait(false);
                }
                else
                {
                    StartRing(timer, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        Task[] loops;
        lock (_gate)
        {
            loops = [.. _loops];
        }

        await Task.WhenAll(loops).ConfigureAwait(false);
    }

    private void StartRing(RoomTimer timer, CancellationToken stoppingToken)
    {
        LogEnded(timer.Room, timer.Label);
        lock (_gate)
        {
            if (_rings.TryGetValue(timer.Room, out var ringing))
            {
                ringing.Timers.Add(timer);
                return;
            }

            var ring = new Ring(CancellationTokenSource.CreateLinkedTokenSource(stoppingToken));
            ring.Timers.Add(timer);
            _rings[timer.Room] = ring;
            _loops.RemoveAll(t => t.IsCompleted);
            _loops.Add(RingAsync(timer.Room, ring));
        }
    }

    private async Task RingAsync(string room, Ring ring)
    {
        await Task.Yield();
        var settings = options.CurrentValue;
        var token = ring.Stopping.Token;
        var sink = conversations.AudioFor(room);
        var started = time.GetTimestamp();
        try
        {
            await sink.FlushAsync(token).ConfigureAwait(false);
            while (time.GetElapsedTime(started) < settings.RingTimeout)
            {
                // Every ring, so that a satellite that (re)connects while it rings shows it too.
                SetLed(room, RoomLed.Timer);
                await earcon.Clip.ReplayAsync(sink, token).ConfigureAwait(false);
                await Task.Delay(settings.RingInterval, time, token).ConfigureAwait(false);
            }

            ring.Reason ??= "timeout";
        }
        catch (OperationCanceledException)
        {
            ring.Reason ??= "server stopping";
        }
        finally
        {
            lock (_gate)
            {
                _rings.Remove(room);
            }

            satellites.ByRoom(room)?.Outbound.Flush(FlushReason.Cut);
            await sink.DisposeAsync().ConfigureAwait(false);
            SetLed(room, coordinator.IsConversing(room) ? RoomLed.Listening : book.IsRunningIn(room) ? RoomLed.Countdown : RoomLed.Idle);
            ring.Stopping.Dispose();
            lock (_gate)
            {
                _stopped.Enqueue(new RingStopped(room, ring.Reason ?? "stopped", time.GetUtcNow()));
                while (_stopped.Count > 20)
                {
                    _stopped.Dequeue();
                }
            }

            LogStopped(room, ring.Reason ?? "stopped", time.GetElapsedTime(started).TotalSeconds);
        }
    }

    private async Task RunCommandAsync(RoomTimer timer, string command, CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await home.HandleAsync(new HomeRequest(command, timer.Room, EngineSpeaks: false), cancellationToken).ConfigureAwait(false);
            LogCommand(timer.Room, command, outcome.GetType().Name, outcome.Speech);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Delayed command '{Command}' in room {Room} failed", command, timer.Room);
        }
    }

    private void SetLed(string room, RoomLed led) => leds.Show(room, led);

    [LoggerMessage(Level = LogLevel.Information, Message = "Timer ended in room {Room}: {Label}")]
    private partial void LogEnded(string room, string label);

    [LoggerMessage(Level = LogLevel.Information, Message = "Timer ring in room {Room} stopped ({Reason}) after {Seconds:0.0} s")]
    private partial void LogStopped(string room, string reason, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delayed command in room {Room}: '{Command}' → {Outcome} {Speech}")]
    private partial void LogCommand(string room, string command, string outcome, string speech);

    private sealed class Ring(CancellationTokenSource stopping)
    {
        public CancellationTokenSource Stopping { get; } = stopping;

        public List<RoomTimer> Timers { get; } = [];

        public string? Reason { get; set; }
    }
}
