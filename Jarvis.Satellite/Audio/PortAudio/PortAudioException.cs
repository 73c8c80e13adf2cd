namespace Jarvis.Satellite.Audio.PortAudio;

/// <summary>A PortAudio call failed or the requested device does not exist.</summary>
public sealed class PortAudioException(string message, Exception? inner = null) : AudioDeviceException(message, inner)
{
    internal static void ThrowIfError(int error, string what)
    {
        if (error < 0)
        {
            throw new PortAudioException($"{what}: {PortAudioNative.ErrorText(error)} ({error})");
        }
    }
}
