using System.ComponentModel.DataAnnotations;

namespace Jarvis.Satellite.Vad;

/// <summary>Voice activity detection on the cleaned microphone signal. Section <c>Satellite:Vad</c>.</summary>
public sealed class VadOptions
{
    /// <summary>WebRTC VAD aggressiveness, 0 (lenient) … 3 (strict).</summary>
    [Range(0, 3)]
    public int Mode { get; set; } = 3;

    /// <summary>Window over which the score (fraction of voiced frames) is computed.</summary>
    [Range(60, 2000)]
    public int WindowMilliseconds { get; set; } = 300;

    /// <summary>Voice starts when the score reaches this.</summary>
    [Range(0.05, 1.0)]
    public double StartScore { get; set; } = 0.4;

    /// <summary>Voice stops after this long without a voiced frame.</summary>
    [Range(100, 5000)]
    public int HangoverMilliseconds { get; set; } = 800;

    /// <summary>Audio kept from before voice start and sent first, so the first syllable is not cut.</summary>
    [Range(300, 2000)]
    public int PreRollMilliseconds { get; set; } = 400;

    /// <summary>The speech level sent with voice start covers the voiced frames of this last stretch (the voice onset).</summary>
    [Range(60, 2000)]
    public int LevelWindowMilliseconds { get; set; } = 300;

    /// <summary>While speech lasts, its level (over the last window) is sent this often (<c>voice_level</c>).</summary>
    [Range(100, 5000)]
    public int LevelUpdateMilliseconds { get; set; } = 250;

    /// <summary>
    /// While the satellite plays audio (the user speaking over an answer: barge-in), voice also starts after this long of
    /// consecutive voiced frames that pass <see cref="BargeInMinLevelDbfs"/> and <see cref="BargeInEchoMarginDb"/>, sooner
    /// than the window rule. 0 turns the fast rule off. The window rule alone still starts voice in a quiet room (waking).
    /// </summary>
    [Range(0, 300)]
    public int BargeInOnsetMilliseconds { get; set; } = 60;

    /// <summary>A frame counts toward the barge-in onset only at or above this level (RMS dBFS, after echo cancellation).</summary>
    [Range(-90.0, 0.0)]
    public double BargeInMinLevelDbfs { get; set; } = -50;

    /// <summary>
    /// A frame counts toward the barge-in onset only when echo cancellation took less than this many dB off the microphone
    /// signal: a frame the canceller cut by more was mostly the speaker's own echo.
    /// </summary>
    [Range(0.0, 80.0)]
    public double BargeInEchoMarginDb { get; set; } = 20;
}
