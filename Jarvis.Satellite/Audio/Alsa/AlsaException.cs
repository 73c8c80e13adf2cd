namespace Jarvis.Satellite.Audio.Alsa;

/// <summary>An alsa-lib call failed or the requested PCM does not exist.</summary>
public sealed class AlsaException(string message, Exception? inner = null) : AudioDeviceException(message, inner)
{
    /// <summary>Throws when <paramref name="error"/> is a negative errno, with alsa-lib's text for it.</summary>
    internal static int ThrowIfError(int error, string what) =>
        error < 0 ? throw new AlsaException($"{what}: {AlsaNative.ErrorText(error)} ({error})") : error;
}
