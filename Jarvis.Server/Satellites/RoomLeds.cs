using Jarvis.Server.Rooms;

namespace Jarvis.Server.Satellites;

/// <summary>
/// Sets what a room's LEDs show, in one place: the hub's decisions (<see cref="SatelliteCommandSink"/>), a running timer's
/// countdown and a ringing timer. Each change goes to the room's satellite and to <see cref="Shown"/>, from which the MQTT
/// bridge publishes the state, so Home Assistant sees what the room shows (a countdown, not "idle").
/// </summary>
public sealed class RoomLeds(SatelliteRegistry satellites)
{
    /// <summary>A room's LEDs were set (room, what they show). Raised on the caller's thread: handlers must not block.</summary>
    public event Action<string, RoomLed>? Shown;

    public void Show(string room, RoomLed led)
    {
        satellites.ByRoom(room)?.Outbound.SetLed(led);
        Shown?.Invoke(room, led);
    }
}
