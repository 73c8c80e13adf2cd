using System.ComponentModel.DataAnnotations;

namespace Jarvis.Satellite.Audio;

/// <summary>Microphone and speaker. Section <c>Satellite:Audio</c>.</summary>
public sealed class AudioOptions
{
    /// <summary>Capture device: empty = default, an index or a (part of a) name from <c>jarvis-satellite devices</c>.</summary>
    public string? InputDevice { get; set; }

    /// <summary>Playback device as above; <c>none</c> for capture-only boards.</summary>
    public string? OutputDevice { get; set; }

    /// <summary>Rate of the whole audio chain (capture, AEC, VAD, Opus, playback).</summary>
    [AllowedValues(16000, 24000, 48000)]
    public int SampleRate { get; set; } = 16000;

    [AllowedValues(10, 20)]
    public int FrameMilliseconds { get; set; } = 20;

    /// <summary>Deliver capture/playback frames no faster than real time (for unpaced devices such as ALSA files).</summary>
    public bool Pace { get; set; }

    /// <summary>Linux: once the devices are open, let ALSA unload the plugin libraries its device enumeration loaded
    /// (~12 MB resident with libasound2-plugins); turn off if an ALSA plugin misbehaves after it.</summary>
    public bool ReleaseAlsaPlugins { get; set; } = true;

    public bool HasSpeaker => !string.Equals(OutputDevice, "none", StringComparison.OrdinalIgnoreCase);

    public int FrameSamples => SampleRate * FrameMilliseconds / 1000;
}
