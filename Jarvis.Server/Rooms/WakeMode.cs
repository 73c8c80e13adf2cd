namespace Jarvis.Server.Rooms;

/// <summary>How a room wakes (configuration <c>Rooms:WakeMode</c>); a long press on the button always works.</summary>
public enum WakeMode
{
    /// <summary>The room's voice-gated audio is streamed to the Wyoming wake-word service; its detection wakes the room.</summary>
    WakeWord,

    /// <summary>Any speech in the room wakes it (homes without a wake-word service).</summary>
    Vad,

    /// <summary>Only the button's long press.</summary>
    Button,
}
