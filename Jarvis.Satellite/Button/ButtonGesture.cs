namespace Jarvis.Satellite.Button;

/// <summary>What the user did with the button.</summary>
public enum ButtonGesture
{
    /// <summary>Pressed and released before the long-press time: toggles mute.</summary>
    ShortPress,

    /// <summary>Held for the long-press time (reported while still held): starts a conversation.</summary>
    LongPress,
}
