using System.Runtime.InteropServices;
using Jarvis.Satellite.Interop;

namespace Jarvis.Satellite.Aec.WebRtc;

/// <summary>
/// WebRTC's echo canceller (the "AEC2" of webrtc-audio-processing 0.3: echo_cancellation.h, aec_core.h) as exported by
/// Debian 12's libwebrtc_audio_processing.so.1. Signatures and <see cref="AecConfig"/> checked against the library's
/// machine code (x86-64 and the same C on arm64): Process takes 80 or 160 samples per band (10 ms at 8/16 kHz), far end
/// and near end as floats in the 16-bit range.
/// </summary>
internal static partial class WebRtcAecNative
{
    public const int NlpConservative = 0;
    public const int NlpModerate = 1;
    public const int NlpAggressive = 2;

    static WebRtcAecNative() => NativeLibraries.EnsureResolver();

    /// <summary>Resets the library's processing function pointers: create through <see cref="SuppressionHook.Create"/>.</summary>
    [LibraryImport(NativeLibraries.WebRtcAudioProcessing)]
    public static partial IntPtr WebRtcAec_Create();

    [LibraryImport(NativeLibraries.WebRtcAudioProcessing)]
    public static partial void WebRtcAec_Free(IntPtr aec);

    /// <summary>sampFreq 8000/16000/32000/48000; scSampFreq = sound card rate (for the skew compensation).</summary>
    [LibraryImport(NativeLibraries.WebRtcAudioProcessing)]
    public static partial int WebRtcAec_Init(IntPtr aec, int sampFreq, int scSampFreq);

    [LibraryImport(NativeLibraries.WebRtcAudioProcessing)]
    public static unsafe partial int WebRtcAec_BufferFarend(IntPtr aec, float* farend, nuint samples);

    [LibraryImport(NativeLibraries.WebRtcAudioProcessing)]
    public static unsafe partial int WebRtcAec_Process(
        IntPtr aec, float** nearend, nuint bands, float** output, nuint samples, short msInSndCardBuf, int skew);

    [LibraryImport(NativeLibraries.WebRtcAudioProcessing)]
    public static partial int WebRtcAec_set_config(IntPtr aec, AecConfig config);

    [LibraryImport(NativeLibraries.WebRtcAudioProcessing)]
    public static partial int WebRtcAec_get_error_code(IntPtr aec);

    [LibraryImport(NativeLibraries.WebRtcAudioProcessing)]
    public static unsafe partial int WebRtcAec_GetDelayMetrics(IntPtr aec, int* median, int* std, float* fractionPoorDelays);

    /// <summary>The AecCore* inside the handle (for the two mode switches below).</summary>
    [LibraryImport(NativeLibraries.WebRtcAudioProcessing)]
    public static partial IntPtr WebRtcAec_aec_core(IntPtr aec);

    [LibraryImport(NativeLibraries.WebRtcAudioProcessing)]
    public static partial void WebRtcAec_enable_delay_agnostic(IntPtr core, int enable);

    [LibraryImport(NativeLibraries.WebRtcAudioProcessing)]
    public static partial int WebRtcAec_delay_agnostic_enabled(IntPtr core);

    /// <summary>32 partitions of 64 samples (128 ms at 16 kHz) instead of 12 (48 ms).</summary>
    [LibraryImport(NativeLibraries.WebRtcAudioProcessing)]
    public static partial void WebRtcAec_enable_extended_filter(IntPtr core, int enable);

    [LibraryImport(NativeLibraries.WebRtcAudioProcessing)]
    public static partial int WebRtcAec_extended_filter_enabled(IntPtr core);

    /// <summary><c>typedef struct { int16_t nlpMode, skewMode, metricsMode; int delay_logging; } AecConfig;</c>
    /// (12 bytes, passed by value).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct AecConfig
    {
        public short NlpMode;
        public short SkewMode;
        public short MetricsMode;
        public int DelayLogging;
    }
}
