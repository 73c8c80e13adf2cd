using System.ComponentModel.DataAnnotations;

namespace Jarvis.Server.Speech;

/// <summary><c>Speech:RoomAudio</c>: the Opus stream sent to a room's satellite for synthesised answers.</summary>
public sealed class RoomAudioOptions
{
    public const string Section = "Speech:RoomAudio";

    /// <summary>Output rate: 16000, 24000 (as PersonaPlex) or 48000 Hz.</summary>
    [AllowedValues(16000, 24000, 48000)]
    public int SampleRate { get; set; } = 24000;

    [AllowedValues(10, 20, 40, 60)]
    public int FrameMilliseconds { get; set; } = 20;

    [Range(6000, 510000)]
    public int Bitrate { get; set; } = 32000;
}
