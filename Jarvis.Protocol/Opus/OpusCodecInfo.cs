using Concentus;

namespace Jarvis.Protocol.Opus;

/// <summary>
/// Which Opus implementation <see cref="OpusFrameEncoder.Create"/> and <see cref="OpusFrameDecoder.Create"/> use:
/// native libopus when the unversioned <c>libopus.so</c> loads (Debian: libopus-dev), else Concentus' managed codec.
/// Hosts log <see cref="Description"/> once at start-up.
/// </summary>
public static class OpusCodecInfo
{
    private static readonly Lazy<(bool IsNative, string Version)> Probe = new(ProbeCodec);

    /// <summary>True when native libopus is in use.</summary>
    public static bool IsNative => Probe.Value.IsNative;

    /// <summary>Version string of the codec in use ("libopus 1.3.1", "Concentus 2.1.2"…).</summary>
    public static string Version => Probe.Value.Version;

    /// <summary>One log-friendly line saying which codec is in use and, for the managed one, how to get the native one.</summary>
    public static string Description => IsNative
        ? $"Opus: native {Version}"
        : $"Opus: managed {Version} (native libopus not loadable: install libopus-dev for the unversioned libopus.so)";

    private static (bool, string) ProbeCodec()
    {
        using var decoder = OpusCodecs.CreateDecoder(48000, OpusBackend.Auto);
        return (OpusCodecs.IsNative(decoder), decoder.GetVersionString());
    }
}
