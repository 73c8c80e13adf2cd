using Jarvis.Satellite.Audio.Alsa;

namespace Jarvis.Satellite.Tests.Audio;

public sealed class AlsaDeviceNameTests
{
    private static readonly AlsaDevice[] Devices =
    [
        new(0, "null", "Discard all samples (playback) or generate zero samples (capture)", true, true),
        new(1, "jarvis_in", string.Empty, true, true),
        new(2, "default:CARD=seeed2micvoicec", "seeed-2mic-voicecard, bcm2835-i2s-wm8960-hifi wm8960-hifi-0 Default Audio Device", true, true),
        new(3, "plughw:CARD=seeed2micvoicec,DEV=0", "seeed-2mic-voicecard, bcm2835-i2s-wm8960-hifi wm8960-hifi-0 Hardware device with all software conversions", true, true),
        new(4, "hdmi:CARD=vc4hdmi,DEV=0", "vc4-hdmi, MAI PCM i2s-hifi-0 HDMI Audio Output", false, true),
        new(5, "hw:CARD=Headphones,DEV=0", "bcm2835 Headphones, bcm2835 Headphones Direct hardware device without any conversions", false, true),
    ];

    private static string Resolve(string? wanted, bool input = true) => AlsaDeviceNames.Resolve(wanted, () => Devices, input);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("default")]
    [InlineData("Default")]
    public void Empty_or_default_is_the_default_pcm(string? wanted) => Assert.Equal("default", Resolve(wanted));

    [Fact]
    public void A_portaudio_name_of_a_card_is_its_plughw_device() =>
        Assert.Equal("plughw:1,0", Resolve("seeed-2mic-voicecard: bcm2835-i2s-wm8960-hifi wm8960-hifi-0 (hw:1,0)"));

    [Theory]
    [InlineData("plughw:1,0")]
    [InlineData("hw:CARD=seeed2micvoicec,DEV=0")]
    [InlineData("dsnoop:CARD=x")]
    public void A_name_with_a_colon_is_taken_as_is(string wanted) => Assert.Equal(wanted, Resolve(wanted));

    [Fact]
    public void A_pcm_of_the_alsa_configuration_is_taken_as_is() => Assert.Equal("jarvis_in", Resolve("jarvis_in"));

    [Theory]
    [InlineData("seeed")]
    [InlineData("SEEED-2MIC")]
    [InlineData("wm8960")]
    public void Part_of_a_card_name_is_that_cards_plughw_device(string wanted) =>
        Assert.Equal("plughw:seeed2micvoicec,0", Resolve(wanted));

    [Fact]
    public void A_card_is_matched_only_among_those_of_the_direction()
    {
        Assert.Equal("plughw:Headphones,0", Resolve("headphones", input: false));
        Assert.Throws<AlsaException>(() => Resolve("headphones", input: true));
    }

    [Fact]
    public void A_number_is_that_entry_of_the_list() => Assert.Equal("plughw:CARD=seeed2micvoicec,DEV=0", Resolve("3"));

    [Fact]
    public void An_index_of_a_playback_only_device_is_refused_for_capture()
    {
        var e = Assert.Throws<AlsaException>(() => Resolve("4", input: true));
        Assert.Contains("index 4", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_name_says_what_exists()
    {
        var e = Assert.Throws<AlsaException>(() => Resolve("usb-mic"));

        Assert.Contains("'usb-mic'", e.Message, StringComparison.Ordinal);
        Assert.Contains("1 jarvis_in", e.Message, StringComparison.Ordinal);
        Assert.Contains("seeed2micvoicec", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fragment_of_several_cards_is_refused_naming_them()
    {
        var e = Assert.Throws<AlsaException>(() => Resolve("i2s", input: false));
        Assert.Contains("seeed2micvoicec", e.Message, StringComparison.Ordinal);
        Assert.Contains("vc4hdmi", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_that_decide_alone_do_not_list_the_devices()
    {
        var listed = 0;
        IReadOnlyList<AlsaDevice> List()
        {
            listed++;
            return Devices;
        }

        _ = AlsaDeviceNames.Resolve("default", List, input: true);
        _ = AlsaDeviceNames.Resolve("plughw:1,0", List, input: true);
        _ = AlsaDeviceNames.Resolve("x (hw:2,0)", List, input: true);

        Assert.Equal(0, listed);
    }
}
