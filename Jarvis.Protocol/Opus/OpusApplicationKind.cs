namespace Jarvis.Protocol.Opus;

/// <summary>The libopus application hint (OPUS_APPLICATION_*).</summary>
public enum OpusApplicationKind
{
    /// <summary>Speech: favours SILK/hybrid, best intelligibility at low bitrates.</summary>
    Voip,

    /// <summary>General audio: favours CELT, best fidelity.</summary>
    Audio,

    /// <summary>CELT only, lowest delay (no speech modes).</summary>
    RestrictedLowDelay,
}
