using Jarvis.Satellite.Audio.Pcm;
using Microsoft.Extensions.Logging;

namespace Jarvis.Satellite.Audio.PortAudio;

/// <summary>Opens the configured devices through PortAudio (<c>Satellite:Audio:Backend</c> = <c>PortAudio</c>).</summary>
public sealed class PortAudioDeviceFactory(AudioOptions settings, TimeProvider time, ILogger<PortAudioDeviceFactory> logger)
    : PcmDeviceFactory(settings, time, logger)
{
    private protected override IPcmStream Open(string? device, bool input, int sampleRate, int frameMilliseconds) =>
        PortAudioStream.Open(device, input, sampleRate, frameMilliseconds);
}
