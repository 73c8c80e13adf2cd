using Jarvis.Satellite.Audio.PortAudio;
using Jarvis.Satellite.Tests.Support;

namespace Jarvis.Satellite.Tests.Audio;

[Collection(AlsaCollection.Name)]
public sealed class PortAudioFileDeviceTests(AlsaFileDevices alsa)
{
    [Fact]
    public void Devices_from_the_asoundrc_are_listed()
    {
        var devices = PortAudioDeviceCatalog.List();

        Assert.Contains(devices, d => d.Name == "jarvis_in" && d.MaxInputChannels > 0);
        Assert.Contains(devices, d => d.Name == "jarvis_out" && d.MaxOutputChannels > 0);
    }

    [Fact]
    public void Capture_reads_the_microphone_file_in_20_ms_frames()
    {
        var tone = Signals.Sine(440, 16000, 16000);
        alsa.SetMicrophone(tone);
        using var capture = PortAudioCapture.Open("jarvis_in", 16000, 20);
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
        using (var playback = PortAudioPlayback.Open("jarvis_out", 16000, 20))
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
        var e = Assert.Throws<PortAudioException>(() => PortAudioCapture.Open("no-such-mic", 16000, 20));
        Assert.Contains("no-such-mic", e.Message, StringComparison.Ordinal);
    }
}
