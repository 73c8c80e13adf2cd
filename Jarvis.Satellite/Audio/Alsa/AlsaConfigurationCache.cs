using Jarvis.Satellite.Interop;

namespace Jarvis.Satellite.Audio.Alsa;

/// <summary>
/// ALSA's global configuration tree and its cache of plugin libraries. PortAudio's device enumeration opens every
/// PCM ALSA defines, which loads their plugins (libasound2-plugins: pulse, jack, the libavcodec rate converter, …,
/// ~12 MB resident on Debian) and keeps them cached after the probe closes. <c>snd_config_update_free_global</c>
/// frees the tree and unloads cached plugins that no open PCM holds (an open PCM holds a reference to its own); ALSA
/// reads the tree again on the next open. PortAudio calls it itself at <c>Pa_Terminate</c>; both backends call it once
/// their streams are open (the ALSA backend loads no plugin for <c>plughw</c>/file PCMs, but frees the tree). Not on
/// systems without ALSA.
/// </summary>
internal static unsafe class AlsaConfigurationCache
{
    private static readonly Lock Gate = new();

    /// <summary>Frees the configuration tree and unused plugin libraries; false without ALSA.</summary>
    public static bool ReleaseUnused()
    {
        if (!OperatingSystem.IsLinux() || !NativeLibraries.TryGetExport(NativeLibraries.Alsa, "snd_config_update_free_global", out var free))
        {
            return false;
        }

        lock (Gate)
        {
            return ((delegate* unmanaged[Cdecl]<int>)free)() == 0;
        }
    }
}
