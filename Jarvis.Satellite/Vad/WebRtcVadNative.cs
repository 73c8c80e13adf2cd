using System.Runtime.InteropServices;
using Jarvis.Satellite.Interop;

namespace Jarvis.Satellite.Vad;

/// <summary>The WebRTC VAD C API exported by Debian's libwebrtc-audio-processing1.</summary>
internal static partial class WebRtcVadNative
{
    static WebRtcVadNative() => NativeLibraries.EnsureResolver();

    [LibraryImport(NativeLibraries.WebRtcAudioProcessing)]
    public static partial IntPtr WebRtcVad_Create();

    [LibraryImport(NativeLibraries.WebRtcAudioProcessing)]
    public static partial int WebRtcVad_Init(IntPtr handle);

    [LibraryImport(NativeLibraries.WebRtcAudioProcessing)]
    public static partial int WebRtcVad_set_mode(IntPtr handle, int mode);

    [LibraryImport(NativeLibraries.WebRtcAudioProcessing)]
    public static unsafe partial int WebRtcVad_Process(IntPtr handle, int sampleRate, short* frame, nuint length);

    [LibraryImport(NativeLibraries.WebRtcAudioProcessing)]
    public static partial void WebRtcVad_Free(IntPtr handle);
}
