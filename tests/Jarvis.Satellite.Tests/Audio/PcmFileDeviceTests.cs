using Jarvis.Satellite.Audio;
using Jarvis.Satellite.Audio.Pcm;
using Jarvis.Satellite.Tests.Support;

namespace Jarvis.Satellite.Tests.Audio;

/// <summary>
/// One backend's capture and playback on the config-only ALSA file devices (no sound card): what is read is the
/// microphone file sample for sample, what is written lands in the playback file.
/// </summary>
public abstract class PcmFileDeviceTests(AlsaFileDevices alsa)
{
    /// <summary>Opens <paramref name="device"/> (as configured) through the backend under test.</summary>
    private protected abstract IPcmStream Open(string device, bool input);

    /// <summary>The backend's error type for a device that does not exist.</summary>
    protected abstract Type DeviceErrorType { get; }

    [Fact]
    public void Capture_reads_the_microphone_file_in_20_ms_frames()
    {
        var tone = Signals.Sine(440, 16000, 16000);
        alsa.SetMicrophone(tone);
        using var capture = new PcmCapture(Open("jarvis_in", input: true), 16000, 20);
        var frame = new short[capture.FrameSamples];
        var captured = new List<short>();
        for (var i = 0; i < 25; i++)
        {
            Assert.True(capture.ReadFrame(frame, CancellationToken.None));
            captured.AddRange(frame);
        }

        Assert.Equal(320, capture.FrameSamples);
        Assert.Equal(25, capture.Counters.Frames);
        Assert.Equal(tone.AsSpan(0, 8000).ToArray(), captured.ToArray());
    }

    [Fact]
    public void Playback_writes_frames_to_the_file_device()
    {
        var tone = Signals.Sine(300, 16000, 320 * 20);
        using (var playback = new PcmPlayback(Open("jarvis_out", input: false), 16000, 20))
        {
            for (var i = 0; i < 20; i++)
            {
                playback.WriteFrame(tone.AsSpan(i * 320, 320), CancellationToken.None);
            }
        }

        var written = alsa.ReadPlayback();
        Assert.True(written.Length >= tone.Length, $"only {written.Length} samples written");
        Assert.True(Signals.BestCorrelation(written, tone.AsSpan(0, 3200)) > 0.99);
    }

    [Fact]
    public void Opening_an_unknown_device_says_which_name_was_not_found()
    {
        var e = Assert.Throws(DeviceErrorType, () => Open("no-such-mic", input: true));
        Assert.IsAssignableFrom<AudioDeviceException>(e);
        Assert.Contains("no-such-mic", e.Message, StringComparison.Ordinal);
    }
}
