using Jarvis.Satellite.Audio;
using Jarvis.Satellite.Audio.Alsa;
using Jarvis.Satellite.Audio.Pcm;
using Jarvis.Satellite.Tests.Support;

namespace Jarvis.Satellite.Tests.Audio;

[Collection(AlsaCollection.Name)]
public sealed class AlsaFileDeviceTests(AlsaFileDevices alsa) : PcmFileDeviceTests(alsa)
{
    protected override Type DeviceErrorType => typeof(AlsaException);

    [Fact]
    public void Pcms_from_the_asoundrc_are_listed_with_their_index()
    {
        var devices = AlsaDeviceCatalog.List();

        Assert.Contains(devices, d => d.Name == "jarvis_in" && d.Input);
        Assert.Contains(devices, d => d.Name == "jarvis_out" && d.Output);
        Assert.Equal(Enumerable.Range(0, devices.Count), devices.Select(d => d.Index));
    }

    [Fact]
    public void A_configured_index_opens_that_pcm_of_the_list()
    {
        var index = AlsaDeviceCatalog.List().Single(d => d.Name == "jarvis_in").Index;

        using var pcm = Open(index.ToString(System.Globalization.CultureInfo.InvariantCulture), input: true);

        Assert.Equal("jarvis_in", pcm.Name);
    }

    [Fact]
    public void A_device_given_by_number_opens_with_a_warning_and_one_given_by_name_without()
    {
        var index = AlsaDeviceCatalog.List().Single(d => d.Name == "jarvis_in").Index;
        var log = new RecordingLogger();
        var byNumber = new AlsaDeviceFactory(new AudioOptions { InputDevice = $"{index}", OutputDevice = "jarvis_out", ReleaseAlsaPlugins = false },
            TimeProvider.System, log.For<AlsaDeviceFactory>());

        using (byNumber.OpenCapture())
        using (byNumber.OpenPlayback())
        {
        }

        var warning = Assert.Single(log.Lines, l => l.StartsWith("Warning:", StringComparison.Ordinal));
        Assert.Contains($"Satellite:Audio:InputDevice is a number ({index})", warning, StringComparison.Ordinal);
        Assert.Contains("jarvis_in", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void The_plug_device_gives_the_chain_rate_in_mono_with_20_ms_periods()
    {
        using var pcm = Open("jarvis_in", input: true);

        Assert.Equal((16000, 1, 320), (pcm.DeviceRate, pcm.Channels, pcm.FramesPerBuffer));
    }

    private protected override IPcmStream Open(string device, bool input) =>
        AlsaPcm.Open(AlsaDeviceNames.Resolve(device, AlsaDeviceCatalog.List, input), input, 16000, 20, playbackPeriods: 2);
}
