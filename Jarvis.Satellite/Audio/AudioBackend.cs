namespace Jarvis.Satellite.Audio;

/// <summary>How the satellite reaches its sound devices (<c>Satellite:Audio:Backend</c>).</summary>
public enum AudioBackend
{
    /// <summary>alsa-lib directly (Linux; the default there): opens only the configured PCMs.</summary>
    Alsa,

    /// <summary>PortAudio (libportaudio2; the default elsewhere): enumerates every device at start.</summary>
    PortAudio,
}
