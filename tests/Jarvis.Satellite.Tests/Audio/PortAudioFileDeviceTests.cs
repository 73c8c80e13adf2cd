using Jarvis.Satellite.Audio.Pcm;
using Jarvis.Satellite.Audio.PortAudio;
using Jarvis.Satellite.Tests.Support;

namespace Jarvis.Satellite.Tests.Audio;

[Collection(AlsaCollection.Name)]
public sealed class PortAudioFileDeviceTests(AlsaFileDevices alsa) : PcmFileDeviceTests(alsa)
{
    protected override Type DeviceErrorType => typeof(PortAudioException);

    [Fact]
    public void Devices_from_the_asoundrc_are_listed()
    {
        var devices = PortAudioDeviceCatalog.List();

        Assert.Contains(devices, d => d.Name == "jarvis_in" && d.MaxInputChannels > 0);
        Assert.Contains(devices, d => d.Name == "jarvis_out" && d.MaxOutputChannels > 0);
    }

    private protected override IPcmStream Open(string device, bool input) => PortAudioStream.Open(device, input, 16000, 20);
}
