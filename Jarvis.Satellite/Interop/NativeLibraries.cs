using System.Reflection;
using System.Runtime.InteropServices;

namespace Jarvis.Satellite.Interop;

/// <summary>
/// Maps the logical library names used in our P/Invoke declarations onto the file names shipped by
/// Debian (<c>libportaudio.so.2</c>, …) and Homebrew (<c>libportaudio.dylib</c>, …).
/// </summary>
internal static class NativeLibraries
{
    public const string PortAudio = "portaudio";
    public const string SpeexDsp = "speexdsp";
    public const string WebRtcAudioProcessing = "webrtc_audio_processing";
    public const string Alsa = "asound";

    private static readonly Dictionary<string, string[]> Candidates = new(StringComparer.Ordinal)
    {
        [PortAudio] = ["libportaudio.so.2", "libportaudio.so", "libportaudio.2.dylib", "libportaudio.dylib"],
        [SpeexDsp] = ["libspeexdsp.so.1", "libspeexdsp.so", "libspeexdsp.1.dylib", "libspeexdsp.dylib"],
        [WebRtcAudioProcessing] = ["libwebrtc_audio_processing.so.1", "libwebrtc_audio_processing.so", "libwebrtc_audio_processing.dylib"],
        [Alsa] = ["libasound.so.2"],
    };

    private static readonly Lock Gate = new();
    private static bool registered;

    /// <summary>Installs the resolver once; called from the static constructors of the native wrappers.</summary>
    public static void EnsureResolver()
    {
        lock (Gate)
        {
            if (registered)
            {
                return;
            }

            NativeLibrary.SetDllImportResolver(typeof(NativeLibraries).Assembly, Resolve);
            registered = true;
        }
    }

    /// <summary>True when one of the candidate files for <paramref name="logicalName"/> can be loaded.</summary>
    public static bool IsAvailable(string logicalName)
    {
        var handle = Resolve(logicalName, typeof(NativeLibraries).Assembly, null);
        return handle != IntPtr.Zero;
    }

    /// <summary>The address of an exported symbol (function or variable) of one of our libraries.</summary>
    public static bool TryGetExport(string logicalName, string symbol, out IntPtr address)
    {
        address = IntPtr.Zero;
        var handle = Resolve(logicalName, typeof(NativeLibraries).Assembly, null);
        return handle != IntPtr.Zero && NativeLibrary.TryGetExport(handle, symbol, out address);
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (!Candidates.TryGetValue(libraryName, out var files))
        {
            return IntPtr.Zero;
        }

        foreach (var file in files)
        {
            if (NativeLibrary.TryLoad(file, assembly, searchPath, out var handle))
            {
                return handle;
            }
        }

        return IntPtr.Zero;
    }
}
