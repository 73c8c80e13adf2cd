using Jarvis.Satellite.Audio.Pcm;
using Microsoft.Extensions.Logging;

namespace Jarvis.Satellite.Audio.Alsa;

/// <summary>
/// Opens the configured devices through alsa-lib directly (<c>Satellite:Audio:Backend</c> = <c>Alsa</c>, the default on
/// Linux): only the PCMs configured are opened, so no other device is probed and no unneeded plugin is loaded.
/// </summary>
public sealed class AlsaDeviceFactory(AudioOptions settings, TimeProvider time, ILogger<AlsaDeviceFactory> logger)
    : PcmDeviceFactory(settings, time, logger)
{
    private protected override IPcmStream Open(string? device, bool input, int sampleRate, int frameMilliseconds) =>
        AlsaPcm.Open(AlsaDeviceNames.Resolve(device, AlsaDeviceCatalog.List, input), input, sampleRate, frameMilliseconds, Settings.PlaybackPeriods);
}
