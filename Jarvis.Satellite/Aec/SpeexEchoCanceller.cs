namespace Jarvis.Satellite.Aec;

/// <summary>
/// speexdsp's MDF echo canceller followed (optionally) by its preprocessor linked to the echo state for
/// residual echo suppression, noise suppression and AGC. One instance per capture stream, single thread.
/// </summary>
public sealed class SpeexEchoCanceller : IEchoCanceller
{
    private readonly int frameSamples;
    private readonly int filterMilliseconds;
    private IntPtr echo;
    private IntPtr preprocess;

    public unsafe SpeexEchoCanceller(int sampleRate, int frameSamples, EchoCancellerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.frameSamples = frameSamples;
        filterMilliseconds = options.FilterMilliseconds;
        echo = SpeexDspNative.speex_echo_state_init(frameSamples, sampleRate * options.FilterMilliseconds / 1000);
        if (echo == IntPtr.Zero)
        {
            throw new InvalidOperationException("speex_echo_state_init failed");
        }

        var rate = sampleRate;
        SpeexDspNative.speex_echo_ctl(echo, SpeexDspNative.EchoSetSamplingRate, &rate);
        if (options.Preprocessor)
        {
            preprocess = SpeexDspNative.speex_preprocess_state_init(frameSamples, sampleRate);
            SpeexDspNative.PreprocessCtl(preprocess, SpeexDspNative.PreprocessSetDenoise, options.NoiseSuppression ? 1 : 0);
            SpeexDspNative.PreprocessCtl(preprocess, SpeexDspNative.PreprocessSetNoiseSuppress, options.NoiseSuppressDb);
            SpeexDspNative.PreprocessCtl(preprocess, SpeexDspNative.PreprocessSetAgc, options.AutomaticGainControl ? 1 : 0);
            SpeexDspNative.PreprocessCtl(preprocess, SpeexDspNative.PreprocessSetAgcLevel, (float)options.AgcLevel);
            SpeexDspNative.PreprocessCtl(preprocess, SpeexDspNative.PreprocessSetEchoSuppress, options.EchoSuppressDb);
            SpeexDspNative.PreprocessCtl(preprocess, SpeexDspNative.PreprocessSetEchoSuppressActive, options.EchoSuppressActiveDb);
            SpeexDspNative.speex_preprocess_ctl(preprocess, SpeexDspNative.PreprocessSetEchoState, (void*)echo);
        }
    }

    public bool IsActive => true;

    /// <summary>The filter covers its length from the reference on; the last 40 ms are left for the room's tail.</summary>
    public int ReachMilliseconds => filterMilliseconds - 40;

    public bool HasPreprocessor => preprocess != IntPtr.Zero;

    public unsafe void Process(ReadOnlySpan<short> captured, ReadOnlySpan<short> played, Span<short> output)
    {
        ObjectDisposedException.ThrowIf(echo == IntPtr.Zero, this);
        if (captured.Length != frameSamples || played.Length != frameSamples || output.Length < frameSamples)
        {
            throw new ArgumentException($"Echo canceller frames must be {frameSamples} samples.");
        }

        fixed (short* rec = captured)
        fixed (short* play = played)
        fixed (short* outp = output)
        {
            SpeexDspNative.speex_echo_cancellation(echo, rec, play, outp);
            if (preprocess != IntPtr.Zero)
            {
                SpeexDspNative.speex_preprocess_run(preprocess, outp);
            }
        }
    }

    public void Reset()
    {
        if (echo != IntPtr.Zero)
        {
            SpeexDspNative.speex_echo_state_reset(echo);
        }
    }

    public void Dispose()
    {
        if (preprocess != IntPtr.Zero)
        {
            SpeexDspNative.speex_preprocess_state_destroy(preprocess);
            preprocess = IntPtr.Zero;
        }

        if (echo != IntPtr.Zero)
        {
            SpeexDspNative.speex_echo_state_destroy(echo);
            echo = IntPtr.Zero;
        }
    }
}
