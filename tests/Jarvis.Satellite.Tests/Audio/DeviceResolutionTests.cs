using Jarvis.Satellite.Audio.PortAudio;

namespace Jarvis.Satellite.Tests.Audio;

public sealed class DeviceResolutionTests
{
    private static readonly PortAudioDevice[] Devices =
    [
        new(0, "seeed-2mic-voicecard: hw:1,0", "ALSA", 2, 2, 48000, false, false),
        new(1, "USB Speakerphone: Audio (hw:2,0)", "ALSA", 1, 2, 48000, false, false),
        new(2, "default", "ALSA", 128, 128, 44100, true, true),
        new(3, "HDMI out", "ALSA", 0, 8, 48000, false, false),
    ];

    [Fact]
    public void Empty_name_picks_the_default_device() =>
        Assert.Equal(2, PortAudioDeviceCatalog.Resolve(Devices, null, forInput: true).Index);

    [Fact]
    public void A_number_picks_that_index() =>
        Assert.Equal(1, PortAudioDeviceCatalog.Resolve(Devices, "1", forInput: true).Index);

    [Fact]
    public void A_unique_fragment_picks_the_device() =>
        Assert.Equal(0, PortAudioDeviceCatalog.Resolve(Devices, "seeed", forInput: true).Index);

    [Fact]
    public void An_output_only_device_is_not_used_for_capture() =>
        Assert.Throws<PortAudioException>(() => PortAudioDeviceCatalog.Resolve(Devices, "HDMI", forInput: true));

    [Fact]
    public void An_ambiguous_fragment_lists_the_candidates()
    {
        var e = Assert.Throws<PortAudioException>(() => PortAudioDeviceCatalog.Resolve(Devices, "hw:", forInput: false));
        Assert.Contains("USB Speakerphone", e.Message, StringComparison.Ordinal);
    }
}
