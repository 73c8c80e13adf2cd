namespace Jarvis.Protocol.Opus;

/// <summary>Which Opus implementation a codec wrapper uses.</summary>
internal enum OpusBackend
{
    /// <summary>Native libopus when the unversioned libopus.so loads, else Concentus' managed codec.</summary>
    Auto,

    /// <summary>Concentus' managed codec, always.</summary>
    Managed,

    /// <summary>Native libopus; creation fails when it cannot be loaded.</summary>
    Native,
}
