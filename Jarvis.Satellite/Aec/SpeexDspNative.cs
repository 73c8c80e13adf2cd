using System.Runtime.InteropServices;
using Jarvis.Satellite.Interop;

namespace Jarvis.Satellite.Aec;

/// <summary>The speexdsp echo canceller and preprocessor (float build as shipped by Debian/Homebrew).</summary>
internal static partial class SpeexDspNative
{
    public const int EchoSetSamplingRate = 24;
    public const int PreprocessSetDenoise = 0;
    public const int PreprocessSetAgc = 2;
    public const int PreprocessSetVad = 4;
    public const int PreprocessSetAgcLevel = 6;
    public const int PreprocessSetDereverb = 8;
    public const int PreprocessSetNoiseSuppress = 18;
    public const int PreprocessSetEchoSuppress = 20;
    public const int PreprocessSetEchoSuppressActive = 22;
    public const int PreprocessSetEchoState = 24;
    public const int PreprocessSetAgcMaxGain = 30;

    static SpeexDspNative() => NativeLibraries.EnsureResolver();

    [LibraryImport(NativeLibraries.SpeexDsp)]
    public static partial IntPtr speex_echo_state_init(int frameSize, int filterLength);

    [LibraryImport(NativeLibraries.SpeexDsp)]
    public static partial void speex_echo_state_destroy(IntPtr state);

    [LibraryImport(NativeLibraries.SpeexDsp)]
    public static partial void speex_echo_state_reset(IntPtr state);

    [LibraryImport(NativeLibraries.SpeexDsp)]
    public static unsafe partial void speex_echo_cancellation(IntPtr state, short* recorded, short* played, short* output);

    [LibraryImport(NativeLibraries.SpeexDsp)]
    public static unsafe partial int speex_echo_ctl(IntPtr state, int request, void* value);

    [LibraryImport(NativeLibraries.SpeexDsp)]
    public static partial IntPtr speex_preprocess_state_init(int frameSize, int sampleRate);

    [LibraryImport(NativeLibraries.SpeexDsp)]
    public static partial void speex_preprocess_state_destroy(IntPtr state);

    [LibraryImport(NativeLibraries.SpeexDsp)]
    public static unsafe partial int speex_preprocess_run(IntPtr state, short* frame);

    [LibraryImport(NativeLibraries.SpeexDsp)]
    public static unsafe partial int speex_preprocess_ctl(IntPtr state, int request, void* value);

    public static unsafe void PreprocessCtl(IntPtr state, int request, int value) => speex_preprocess_ctl(state, request, &value);

    public static unsafe void PreprocessCtl(IntPtr state, int request, float value) => speex_preprocess_ctl(state, request, &value);
}
