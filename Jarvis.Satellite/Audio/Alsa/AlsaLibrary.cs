namespace Jarvis.Satellite.Audio.Alsa;

/// <summary>Calls into alsa-lib, turning its absence into an <see cref="AlsaException"/> that says what to install.</summary>
internal static class AlsaLibrary
{
    public static T Call<T>(Func<T> call)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new AlsaException("ALSA exists only on Linux: set Satellite:Audio:Backend to PortAudio.");
        }

        try
        {
            return call();
        }
        catch (DllNotFoundException e)
        {
            throw new AlsaException("alsa-lib is not installed: install libasound2 (Debian).", e);
        }
    }
}
