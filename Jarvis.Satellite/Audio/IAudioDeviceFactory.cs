namespace Jarvis.Satellite.Audio;

/// <summary>Opens the microphone and speaker (ALSA or PortAudio on a Pi; scripted in tests and benchmarks).</summary>
public interface IAudioDeviceFactory
{
    IAudioCapture OpenCapture();

    /// <summary>Null for capture-only satellites.</summary>
    IAudioPlayback? OpenPlayback();
}
