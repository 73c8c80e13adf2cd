using System.ComponentModel.DataAnnotations;

namespace Jarvis.Satellite.Button;

/// <summary>The mute button. Section <c>Satellite:Button</c>.</summary>
public sealed class ButtonOptions
{
    /// <summary>GPIO (BCM numbering) of the button; null = no button. ReSpeaker 2-Mics HAT: 17.</summary>
    [Range(0, 53)]
    public int? Pin { get; set; }

    /// <summary>Pressed pulls the pin low (with the internal pull-up), as on the ReSpeaker HAT.</summary>
    public bool ActiveLow { get; set; } = true;

    [Range(5, 500)]
    public int DebounceMilliseconds { get; set; } = 30;

    [Range(300, 10_000)]
    public int LongPressMilliseconds { get; set; } = 1000;

    /// <summary>Whether the server (a Home Assistant switch) may lift a mute set with the button; off: only the button unmutes.</summary>
    public bool AllowRemoteUnmute { get; set; }
}
