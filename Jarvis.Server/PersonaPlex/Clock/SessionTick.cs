namespace Jarvis.Server.PersonaPlex.Clock;

/// <summary>
/// How often a session (Moshi or Realtime) checks its <see cref="InputClock"/>: fast while no room is attached (silence keeps
/// the stream just behind the clock, ready for a room to join), slower while one is (its audio covers the clock and silence
/// starts only after <see cref="InputClock.RoomLagSamples"/>), which saves a timer wake-up per tick in every conversation.
/// </summary>
internal static class SessionTick
{
    /// <summary>Sets <paramref name="timer"/>'s period for the room's presence; the timer is changed only when it differs.</summary>
    public static void Follow(PeriodicTimer timer, bool roomAttached, TimeSpan idle, TimeSpan withRoom)
    {
        var period = roomAttached ? withRoom : idle;
        if (timer.Period != period)
        {
            timer.Period = period;
        }
    }
}
