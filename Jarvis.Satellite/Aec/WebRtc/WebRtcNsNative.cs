using System.Runtime.InteropServices;
using Jarvis.Satellite.Interop;

namespace Jarvis.Satellite.Aec.WebRtc;

/// <summary>WebRTC's floating-point noise suppressor (noise_suppression.h of webrtc-audio-processing 0.3): 10 ms frames,
/// policy 0 = mild (noise floor −6 dB), 1 = medium (−12 dB), 2 = aggressive (−18 dB), 3 = very aggressive (−21 dB).</summary>
internal static partial class WebRtcNsNative
{
    static WebRtcNsNative() => NativeLibraries.EnsureResolver();

    [LibraryImport(NativeLibraries.WebRtcAudioProcessing)]
    public static partial IntPtr WebRtcNs_Create();

    [LibraryImport(NativeLibraries.WebRtcAudioProcessing)]
    public static partial void WebRtcNs_Free(IntPtr ns);

    [LibraryImport(NativeLibraries.WebRtcAudioProcessing)]
    public static partial int WebRtcNs_Init(IntPtr ns, uint sampleRate);

    [LibraryImport(NativeLibraries.WebRtcAudioProcessing)]
    public static partial int WebRtcNs_set_policy(IntPtr ns, int mode);

    [LibraryImport(NativeLibraries.WebRtcAudioProcessing)]
    public static unsafe partial void WebRtcNs_Analyze(IntPtr ns, float* frame);

    [LibraryImport(NativeLibraries.WebRtcAudioProcessing)]
    public static unsafe partial void WebRtcNs_Process(IntPtr ns, float** frame, nuint bands, float** output);
}
