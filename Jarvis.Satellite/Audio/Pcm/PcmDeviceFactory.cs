using System.Globalization;
using Jarvis.Satellite.Audio.Alsa;
using Microsoft.Extensions.Logging;

namespace Jarvis.Satellite.Audio.Pcm;

/// <summary>
/// Opens the configured microphone and speaker through one backend's <see cref="IPcmStream"/> (paced when
/// <see cref="AudioOptions.Pace"/> is set), then lets ALSA unload the plugin libraries it no longer needs.
/// </summary>
public abstract partial class PcmDeviceFactory(AudioOptions settings, TimeProvider time, ILogger logger) : IAudioDeviceFactory
{
    public IAudioCapture OpenCapture()
    {
        var capture = new PcmCapture(Open(settings.InputDevice, input: true, settings.SampleRate, settings.FrameMilliseconds), settings.SampleRate, settings.FrameMilliseconds);
        LogOpened("capture", capture.Description);
        WarnIfNumbered(settings.InputDevice, nameof(AudioOptions.InputDevice), capture.Description);
        if (!settings.HasSpeaker)
        {
            // Otherwise after the speaker: releasing between the two opens makes ALSA read its configuration again.
            ReleaseAlsaPlugins();
        }

        return settings.Pace ? new PacedAudioCapture(capture, time) : capture;
    }

    public IAudioPlayback? OpenPlayback()
    {
        if (!settings.HasSpeaker)
        {
            return null;
        }

        var playback = new PcmPlayback(Open(settings.OutputDevice, input: false, settings.SampleRate, settings.FrameMilliseconds), settings.SampleRate, settings.FrameMilliseconds);
        LogOpened("playback", playback.Description);
        WarnIfNumbered(settings.OutputDevice, nameof(AudioOptions.OutputDevice), playback.Description);
        ReleaseAlsaPlugins();
        return settings.Pace ? new PacedAudioPlayback(playback, time) : playback;
    }

    private protected AudioOptions Settings => settings;

    /// <summary>Opens and starts <paramref name="device"/> (as configured) at about <paramref name="sampleRate"/>, with
    /// periods of about <paramref name="frameMilliseconds"/>.</summary>
    private protected abstract IPcmStream Open(string? device, bool input, int sampleRate, int frameMilliseconds);

    private void ReleaseAlsaPlugins()
    {
        if (settings.ReleaseAlsaPlugins)
        {
            AlsaConfigurationCache.ReleaseUnused();
        }
    }

    /// <summary>A device given by number: the numbers are the backend's own list (ALSA's and PortAudio's differ, and the
    /// default backend on Linux changed from PortAudio to ALSA) and shift when a card is added.</summary>
    private void WarnIfNumbered(string? configured, string setting, string opened)
    {
        if (int.TryParse(configured, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index))
        {
            LogNumberedDevice(setting, index, settings.Backend, opened);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Satellite:Audio:{Setting} is a number ({Index}): entry {Index} of the {Backend} backend's `jarvis-satellite devices` list, which opened {Device}. The ALSA and PortAudio lists number devices differently and shift when a card is added: give the device's name instead")]
    private partial void LogNumberedDevice(string setting, int index, AudioBackend backend, string device);

    [LoggerMessage(Level = LogLevel.Information, Message = "Audio {Direction}: {Device}")]
    private partial void LogOpened(string direction, string device);
}
