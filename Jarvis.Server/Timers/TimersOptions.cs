namespace Jarvis.Server.Timers;

/// <summary><c>Timers</c> section: how long an ended timer rings and how its room shows it.</summary>
public sealed class TimersOptions
{
    public const string Section = "Timers";

    /// <summary>An ended timer rings until the button is pressed, "stop" is said, or this much time has passed.</summary>
    public TimeSpan RingTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Pause between two rings of the ring earcon.</summary>
    public TimeSpan RingInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The timers file, relative to the state directory.</summary>
    public string StateFile { get; set; } = "timers.json";

    /// <summary>Longest timer that can be started (a misheard "500 hours" is refused with a clear answer).</summary>
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromHours(24);
}
