namespace Jarvis.Server.Rooms;

/// <summary>What started a wake candidate.</summary>
public enum WakeSource
{
    /// <summary>The Wyoming wake-word service reported a detection in the room's audio.</summary>
    WakeWord,

    /// <summary>A long press on the satellite's button.</summary>
    LongPress,

    /// <summary><c>vad</c> wake mode: any speech in the room.</summary>
    Voice,
}
