namespace Jarvis.Satellite.Leds;

/// <summary>What the LEDs show.</summary>
public enum LedState
{
    Idle,
    Listening,
    Thinking,
    Speaking,
    Muted,
    Error,
    Disconnected,
}
