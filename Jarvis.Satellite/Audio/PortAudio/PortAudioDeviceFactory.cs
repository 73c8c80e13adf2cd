using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jarvis.Satellite.Audio.PortAudio;

/// <summary>Opens the configured PortAudio devices (paced when <see cref="AudioOptions.Pace"/> is set).</summary>
public sealed partial class PortAudioDeviceFactory(IOptions<AudioOptions> options, TimeProvider time, ILogger<PortAudioDeviceFactory> logger)
    : IAudioDeviceFactory
{
    private readonly AudioOptions settings = options.Value;

    public IAudioCapture OpenCapture()
    {
        var capture = PortAudioCapture.Open(settings.InputDevice, settings.SampleRate, settings.FrameMilliseconds);
        LogOpened("capture", capture.Description);
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

        var playback = PortAudioPlayback.Open(settings.OutputDevice, settings.SampleRate, settings.FrameMilliseconds);
        LogOpened("playback", playback.Description);
        ReleaseAlsaPlugins();
        return settings.Pace ? new PacedAudioPlayback(playback, time) : playback;
    }

    private void ReleaseAlsaPlugins()
    {
        if (settings.ReleaseAlsaPlugins)
        {
            AlsaConfigurationCache.ReleaseUnused();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audio {Direction}: {Device}")]
    private partial void LogOpened(string direction, string device);
}
