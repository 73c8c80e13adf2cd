namespace Jarvis.Server.Reconnect;

/// <summary>The <c>ReconnectProbeInterval</c> setting of each backend (PersonaPlex, HomeAssistant, Mqtt): default and rule.</summary>
public static class ReconnectProbeInterval
{
    /// <summary>Probe a backend's port four times a second while backing off.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest interval accepted (longer would not beat the back-off it is meant to cut short).</summary>
    public static readonly TimeSpan Max = TimeSpan.FromSeconds(10);

    /// <summary>The error for a value out of range, or null.</summary>
    public static string? Check(TimeSpan value, string key) => value < TimeSpan.Zero || value > Max
        ? $"{key} must be between 00:00:00 (no probe: every reconnect back-off is waited out in full) and 00:00:10 (e.g. 00:00:00.250); got {value}."
        : null;
}
