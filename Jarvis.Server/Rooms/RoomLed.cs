namespace Jarvis.Server.Rooms;

/// <summary>What a room's LEDs should show, as decided by the hub.</summary>
public enum RoomLed
{
    Idle,
    Listening,
    Waiting,
    Error,

    /// <summary>A timer of the room has ended and rings.</summary>
    Timer,

    /// <summary>A timer of the room is running.</summary>
    Countdown,
}
