namespace Jarvis.Satellite.Vad;

/// <summary>
/// WebRTC's GMM voice activity detector through P/Invoke (8/16/32/48 kHz, 10/20/30 ms frames;
/// mode 0 = least aggressive … 3 = most aggressive about rejecting non-speech).
/// </summary>
public sealed class WebRtcVoiceClassifier : IVoiceClassifier
{
    private readonly int sampleRate;
    private IntPtr handle;

    public WebRtcVoiceClassifier(int sampleRate, int mode)
    {
        if (sampleRate is not (8000 or 16000 or 32000 or 48000))
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "WebRTC VAD needs 8, 16, 32 or 48 kHz.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(mode);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(mode, 3);
        this.sampleRate = sampleRate;
        try
        {
            handle = WebRtcVadNative.WebRtcVad_Create();
        }
        catch (DllNotFoundException e)
        {
            throw new InvalidOperationException(
                "The WebRTC VAD is missing: install libwebrtc-audio-processing1 (Debian).", e);
        }

        if (handle == IntPtr.Zero || WebRtcVadNative.WebRtcVad_Init(handle) != 0 || WebRtcVadNative.WebRtcVad_set_mode(handle, mode) != 0)
        {
            Dispose();
            throw new InvalidOperationException("WebRTC VAD initialisation failed.");
        }
    }

    public unsafe bool IsVoiced(ReadOnlySpan<short> frame)
    {
        ObjectDisposedException.ThrowIf(handle == IntPtr.Zero, this);
        int result;
        fixed (short* p = frame)
        {
            result = WebRtcVadNative.WebRtcVad_Process(handle, sampleRate, p, (nuint)frame.Length);
        }

        return result switch
        {
            1 => true,
            0 => false,
            _ => throw new ArgumentException($"WebRTC VAD rejected a frame of {frame.Length} samples at {sampleRate} Hz (10, 20 or 30 ms only)."),
        };
    }

    public void Dispose()
    {
        if (handle != IntPtr.Zero)
        {
            WebRtcVadNative.WebRtcVad_Free(handle);
            handle = IntPtr.Zero;
        }
    }
}
