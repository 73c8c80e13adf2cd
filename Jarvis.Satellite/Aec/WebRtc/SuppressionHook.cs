using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Jarvis.Satellite.Interop;

namespace Jarvis.Satellite.Aec.WebRtc;

/// <summary>
/// Puts <see cref="NearEndGuard"/> into WebRTC's nonlinear processor. webrtc-audio-processing 0.3 calls the
/// processor's last step through the exported function pointer <c>WebRtcAec_OverdriveAndSuppress</c>
/// (<c>void (AecCore*, float hNl[65], float hNlFb, float efw[2][65])</c>, chosen per CPU: plain C, SSE2, NEON), and
/// <c>WebRtcAec_Create</c> sets it again each time. <see cref="Create"/> therefore creates cancellers and re-installs
/// the hook under a write lock, <see cref="Enter"/> holds a read lock while a thread processes (so no block runs
/// while the pointer is being reset), and the hook applies the guard only on a thread inside a guarded
/// <see cref="Enter"/>: other cancellers in the process see the library's own behaviour.
/// </summary>
internal static unsafe class SuppressionHook
{
    private const string Symbol = "WebRtcAec_OverdriveAndSuppress";
    private const int Bands = 65;
    private static readonly ReaderWriterLockSlim Gate = new();
    private static delegate* unmanaged[Cdecl]<IntPtr, float*, float, float*, void> original;

    [ThreadStatic]
    private static bool guarding;

    /// <summary>True once the hook is in place (false if the library does not export the pointer).</summary>
    public static bool IsInstalled { get; private set; }

    /// <summary><c>WebRtcAec_Create</c>, then the hook back in place.</summary>
    public static IntPtr Create()
    {
        Gate.EnterWriteLock();
        try
        {
            var aec = WebRtcAecNative.WebRtcAec_Create();
            if (aec != IntPtr.Zero)
            {
                Install();
            }

            return aec;
        }
        finally
        {
            Gate.ExitWriteLock();
        }
    }

    /// <summary>Marks the calling thread as processing, guarded or not, until the scope is disposed.</summary>
    public static Scope Enter(bool guard)
    {
        Gate.EnterReadLock();
        guarding = guard && IsInstalled;
        return new Scope();
    }

    private static void Install()
    {
        if (!NativeLibraries.TryGetExport(NativeLibraries.WebRtcAudioProcessing, Symbol, out var slotAddress))
        {
            return;
        }

        var slot = (IntPtr*)slotAddress;
        var hook = (IntPtr)(delegate* unmanaged[Cdecl]<IntPtr, float*, float, float*, void>)&OverdriveAndSuppress;
        if (*slot != hook)
        {
            original = (delegate* unmanaged[Cdecl]<IntPtr, float*, float, float*, void>)*slot;
            *slot = hook;
        }

        IsInstalled = original != null;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OverdriveAndSuppress(IntPtr core, float* gain, float typicalGain, float* error)
    {
        if (!guarding)
        {
            original(core, gain, typicalGain, error);
            return;
        }

        Span<float> coherenceGain = stackalloc float[Bands];
        new ReadOnlySpan<float>(gain, Bands).CopyTo(coherenceGain);
        original(core, gain, typicalGain, error);
        NearEndGuard.Apply(typicalGain, coherenceGain, new Span<float>(gain, Bands), new Span<float>(error, Bands), new Span<float>(error + Bands, Bands));
    }

    /// <summary>Ends a <see cref="Enter"/>.</summary>
    public readonly ref struct Scope
    {
        public void Dispose()
        {
            guarding = false;
            Gate.ExitReadLock();
        }
    }
}
