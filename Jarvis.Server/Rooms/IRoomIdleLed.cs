namespace Jarvis.Server.Rooms;

/// <summary>
/// What a room's LEDs show when the hub sets them to <see cref="RoomLed.Idle"/>: idle, unless something outside the
/// conversation owns them (a ringing timer, a running timer's countdown).
/// </summary>
public interface IRoomIdleLed
{
    RoomLed For(string room);
}

/// <summary>Without timers, idle is idle.</summary>
public sealed class PlainIdleLed : IRoomIdleLed
{
    public RoomLed For(string room) => RoomLed.Idle;
}
