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
    public void The_plug_device_gives_the_chain_rate_in_mono_with_20_ms_periods()
    {
        using var pcm = Open("jarvis_in", input: true);

        Assert.Equal((16000, 1, 320), (pcm.DeviceRate, pcm.Channels, pcm.FramesPerBuffer));
    }

    private protected override IPcmStream Open(string device, bool input) =>
        AlsaPcm.Open(AlsaDeviceNames.Resolve(device, AlsaDeviceCatalog.List, input), input, 16000, 20, playbackPeriods: 2);
}
