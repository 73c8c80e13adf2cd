using System.Device.Gpio;
using System.Device.Spi;
using Jarvis.Satellite.Audio.Alsa;
using Jarvis.Satellite.Audio.PortAudio;
using Jarvis.Satellite.Leds;
using LedState = Jarvis.Protocol.Link.Messages.LedState;

namespace Jarvis.Satellite.Tests.Hardware;

/// <summary>
/// On a Raspberry Pi with a ReSpeaker 2-Mics HAT (SPI enabled, user in spi/gpio/audio): run with
/// <c>dotnet test --filter Category=Hardware</c> and watch the LEDs. Without the HAT they report themselves skipped with
/// the device that is missing (<see cref="RespeakerHat"/>).
/// </summary>
[Trait("Category", "Hardware")]
public sealed class RespeakerHardwareTests
{
    [SkippableFact]
    public async Task The_2_mic_HAT_LEDs_show_every_state()
    {
        RespeakerHat.SkipUnlessLedsPresent();
        using var hardware = LedHardware.Create(new LedOptions { Profile = LedProfile.ReSpeaker2Mic }, SpiDevice.Create, () => new GpioController());
        var animator = new LedAnimator(hardware.Strip, TimeProvider.System, TimeSpan.FromMilliseconds(250), 16);
        using var frames = new PeriodicTimer(LedService.TickPeriod);
        foreach (var state in Enum.GetValues<LedState>())
        {
            animator.SetState(state);
            for (var i = 0; i < 25; i++)
            {
                animator.Tick();
                await frames.WaitForNextTickAsync();
            }
        }

        Assert.Equal(3, hardware.Strip.Count);
    }

    [SkippableFact]
    public void The_seeed_sound_card_is_listed_for_capture_and_playback()
    {
        RespeakerHat.SkipUnlessSoundCardPresent();
        var devices = PortAudioDeviceCatalog.List();

        Assert.Contains(devices, d => d.Name.Contains("seeed", StringComparison.OrdinalIgnoreCase) && d.MaxInputChannels >= 2);
        Assert.Contains(devices, d => d.Name.Contains("seeed", StringComparison.OrdinalIgnoreCase) && d.MaxOutputChannels >= 2);
    }

    [SkippableFact]
    public void The_seeed_sound_card_opens_through_alsa_by_part_of_its_name()
    {
        RespeakerHat.SkipUnlessSoundCardPresent();
        var name = AlsaDeviceNames.Resolve("seeed", AlsaDeviceCatalog.List, input: true);
        using var capture = AlsaPcm.Open(name, input: true, 16000, 20, playbackPeriods: 2);

        Assert.StartsWith("plughw:seeed", name, StringComparison.Ordinal);
        Assert.Equal((16000, 1), (capture.DeviceRate, capture.Channels));
    }
}
