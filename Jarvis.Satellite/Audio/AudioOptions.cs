using System.ComponentModel.DataAnnotations;

namespace Jarvis.Satellite.Audio;

/// <summary>Microphone and speaker. Section <c>Satellite:Audio</c>.</summary>
public sealed class AudioOptions : IValidatableObject
{
    /// <summary>Alsa (Linux only, its default) or PortAudio (the default elsewhere).</summary>
    public AudioBackend Backend { get; set; } = OperatingSystem.IsLinux() ? AudioBackend.Alsa : AudioBackend.PortAudio;

    /// <summary>Capture device: empty = default, an index or a name from <c>jarvis-satellite devices</c> (ALSA: also
    /// <c>plughw:1,0</c>, a PCM of the ALSA configuration or part of a card's name).</summary>
    public string? InputDevice { get; set; }

    /// <summary>Playback device as above; <c>none</c> for capture-only boards.</summary>
    public string? OutputDevice { get; set; }

    /// <summary>Rate of the whole audio chain (capture, AEC, VAD, Opus, playback).</summary>
    [AllowedValues(16000, 24000, 48000)]
    public int SampleRate { get; set; } = 16000;

    [AllowedValues(10, 20)]
    public int FrameMilliseconds { get; set; } = 20;

    /// <summary>
    /// ALSA backend: the speaker's device buffer, in frames of <see cref="FrameMilliseconds"/>. Everything buffered is
    /// heard that much later: 2 (40 ms at 20 ms frames, as PortAudio's ALSA host sets it) is the least ALSA allows; raise
    /// it if the speaker clicks (device underruns, shown in the satellite's periodic audio log line).
    /// </summary>
    [Range(2, 16)]
    public int PlaybackPeriods { get; set; } = 2;

    /// <summary>Deliver capture/playback frames no faster than real time (for unpaced devices such as ALSA files).</summary>
    public bool Pace { get; set; }

    /// <summary>Linux: once the devices are open, let ALSA unload the plugin libraries its device enumeration loaded
    /// (~12 MB resident with libasound2-plugins); turn off if an ALSA plugin misbehaves after it.</summary>
    public bool ReleaseAlsaPlugins { get; set; } = true;

    public bool HasSpeaker => !string.Equals(OutputDevice, "none", StringComparison.OrdinalIgnoreCase);

    public int FrameSamples => SampleRate * FrameMilliseconds / 1000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Backend == AudioBackend.Alsa && !OperatingSystem.IsLinux())
        {
            yield return new ValidationResult("ALSA exists only on Linux: use PortAudio.", [nameof(Backend)]);
        }
    }
}
