using Jarvis.Server.Rooms;
using Jarvis.Server.Satellites;

namespace Jarvis.Server.Timers;

/// <summary>
/// The countdown LED: a room with a running timer shows <see cref="RoomLed.Countdown"/> whenever nothing else owns its LEDs,
/// and a ringing room shows <see cref="RoomLed.Timer"/>. As <see cref="IRoomIdleLed"/> it turns the hub's "idle" into that;
/// on every change of the timers it updates the rooms that no conversation, wait or ring owns; as a command sink it gives a
/// satellite that comes online the countdown it missed.
/// </summary>
public sealed class CountdownLed(
    TimerBook book,
    TimerRinger ringer,
    ConversationCoordinator coordinator,
    RoomLeds leds) : BackgroundService, IRoomIdleLed, IHubCommandSink
{
    /// <summary>The rooms with a running timer at the last change (only its own loop touches it).</summary>
    private HashSet<string> _running = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>After the satellite sink (10), so that the countdown follows the presence it answers.</summary>
    public int Order => 20;

    public RoomLed For(string room) =>
        ringer.IsRinging(room) ? RoomLed.Timer : book.IsRunningIn(room) ? RoomLed.Countdown : RoomLed.Idle;

    public ValueTask HandleAsync(HubCommand command, CancellationToken cancellationToken)
    {
        if (command is { Kind: HubCommandKind.Presence, State: true } && IsFree(command.Room) && book.IsRunningIn(command.Room))
        {
            leds.Show(command.Room, RoomLed.Countdown);
        }

        return ValueTask.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var changes = book.Watch();
        try
        {
            do
            {
                Update();
            }
            while (await changes.WaitToReadAsync(stoppingToken).ConfigureAwait(false) && changes.TryRead(out _));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// Countdown on in the free rooms whose first timer started running, off in those whose last timer stopped running. A room
    /// that is not free gets it when its conversation or ring ends (their "idle" goes through <see cref="For"/>).
    /// </summary>
    private void Update()
    {
        var running = book.All().Where(t => !t.IsPaused).Select(t => t.Room).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var room in running.Except(_running, StringComparer.OrdinalIgnoreCase).Where(IsFree))
        {
            leds.Show(room, RoomLed.Countdown);
        }

        foreach (var room in _running.Except(running, StringComparer.OrdinalIgnoreCase).Where(IsFree))
        {
            leds.Show(room, RoomLed.Idle);
        }

        _running = running;
    }

    /// <summary>No conversation, wait for a conversation or ring owns the room's LEDs.</summary>
    private bool IsFree(string room) =>
        !ringer.IsRinging(room) && !coordinator.IsConversing(room) && !coordinator.Rooms().Any(r => r.Waiting && string.Equals(r.Room, room, StringComparison.OrdinalIgnoreCase));
}
