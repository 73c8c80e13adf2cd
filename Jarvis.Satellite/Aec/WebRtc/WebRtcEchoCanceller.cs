namespace Jarvis.Satellite.Aec.WebRtc;

/// <summary>
/// WebRTC's echo canceller (linear filter, delay-agnostic alignment, extended filter, nonlinear processor with comfort
/// noise) followed, optionally, by WebRTC's noise suppressor; 10 ms blocks inside the satellite's 10/20 ms frames.
/// One instance per capture stream, single thread, no allocation per frame.
/// </summary>
public sealed class WebRtcEchoCanceller : IEchoCanceller
{
    private const int BlockMilliseconds = 10;
    private readonly int sampleRate;
    private readonly int frameSamples;
    private readonly int blockSamples;
    private readonly EchoCancellerOptions options;
    private readonly float[] far;
    private readonly float[] near;
    private readonly float[] cleaned;
    private readonly float[] denoised;
    private readonly short[] aligned;
    private readonly ReferenceAlignment alignment;
    private IntPtr aec;
    private IntPtr ns;

    public WebRtcEchoCanceller(int sampleRate, int frameSamples, EchoCancellerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (sampleRate is not (8000 or 16000))
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "The WebRTC echo canceller runs at 8 or 16 kHz here.");
        }

        this.sampleRate = sampleRate;
        this.frameSamples = frameSamples;
        this.options = options;
        blockSamples = sampleRate * BlockMilliseconds / 1000;
        if (frameSamples % blockSamples != 0)
        {
            throw new ArgumentException($"Frames must be a multiple of {BlockMilliseconds} ms.", nameof(frameSamples));
        }

        far = new float[blockSamples];
        near = new float[blockSamples];
        cleaned = new float[blockSamples];
        denoised = new float[blockSamples];
        aligned = new short[blockSamples];
        alignment = new ReferenceAlignment(sampleRate, ReferenceAlignment.MaxDelayMilliseconds);
        aec = SuppressionHook.Create();
        if (aec == IntPtr.Zero)
        {
            throw new InvalidOperationException("WebRtcAec_Create failed");
        }

        try
        {
            Initialise();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public bool IsActive => true;

    /// <summary>The alignment looks for echoes up to <see cref="ReferenceAlignment.MaxDelayMilliseconds"/>.</summary>
    public int ReachMilliseconds => ReferenceAlignment.MaxDelayMilliseconds - 40;

    /// <summary>The echo delay found by the reference alignment (ms), or -1 before the first estimate.</summary>
    public int EchoDelayMilliseconds => alignment.EchoDelayMilliseconds;

    /// <summary>How much the reference is delayed to put the echo at the head of the filter (ms).</summary>
    public int ReferenceShiftMilliseconds => alignment.ShiftMilliseconds;

    public unsafe void Process(ReadOnlySpan<short> captured, ReadOnlySpan<short> played, Span<short> output)
    {
        ObjectDisposedException.ThrowIf(aec == IntPtr.Zero, this);
        if (captured.Length != frameSamples || played.Length != frameSamples || output.Length < frameSamples)
        {
            throw new ArgumentException($"Echo canceller frames must be {frameSamples} samples.");
        }

        using var scope = SuppressionHook.Enter(options.NearEndGuard);
        for (var offset = 0; offset < frameSamples; offset += blockSamples)
        {
            alignment.Align(played.Slice(offset, blockSamples), captured.Slice(offset, blockSamples), aligned);
            ToFloat(aligned, far);
            ToFloat(captured.Slice(offset, blockSamples), near);
            fixed (float* farPtr = far)
            fixed (float* nearPtr = near)
            fixed (float* cleanedPtr = cleaned)
            fixed (float* denoisedPtr = denoised)
            {
                var n = nearPtr;
                var c = cleanedPtr;
                var d = denoisedPtr;
                Check(WebRtcAecNative.WebRtcAec_BufferFarend(aec, farPtr, (nuint)blockSamples), "WebRtcAec_BufferFarend");
                Check(WebRtcAecNative.WebRtcAec_Process(aec, &n, 1, &c, (nuint)blockSamples, 0, 0), "WebRtcAec_Process");
                if (ns != IntPtr.Zero)
                {
                    WebRtcNsNative.WebRtcNs_Analyze(ns, cleanedPtr);
                    WebRtcNsNative.WebRtcNs_Process(ns, &c, 1, &d);
                }
            }

            ToShort(ns != IntPtr.Zero ? denoised : cleaned, output.Slice(offset, blockSamples));
        }
    }

    public void Reset()
    {
        ObjectDisposedException.ThrowIf(aec == IntPtr.Zero, this);
        alignment.Reset();
        Initialise();
    }

    public void Dispose()
    {
        if (ns != IntPtr.Zero)
        {
            WebRtcNsNative.WebRtcNs_Free(ns);
            ns = IntPtr.Zero;
        }

        if (aec != IntPtr.Zero)
        {
            WebRtcAecNative.WebRtcAec_Free(aec);
            aec = IntPtr.Zero;
        }
    }

    /// <summary>Nearest of the suppressor's noise floors (−6/−12/−18/−21 dB) to <see cref="EchoCancellerOptions.NoiseSuppressDb"/>.</summary>
    internal static int NoiseSuppressionPolicy(int suppressDb) => suppressDb switch
    {
        > -9 => 0,
        > -15 => 1,
        > -20 => 2,
        _ => 3,
    };

    private void Initialise()
    {
        // The two modes are read by Init (whether the start-up buffer phase runs), so they are set before it.
        var core = WebRtcAecNative.WebRtcAec_aec_core(aec);
        WebRtcAecNative.WebRtcAec_enable_extended_filter(core, options.ExtendedFilter ? 1 : 0);
        WebRtcAecNative.WebRtcAec_enable_delay_agnostic(core, options.DelayAgnostic ? 1 : 0);
        Check(WebRtcAecNative.WebRtcAec_Init(aec, sampleRate, sampleRate), "WebRtcAec_Init");
        var config = new WebRtcAecNative.AecConfig { NlpMode = (short)options.Suppression, DelayLogging = 1 };
        Check(WebRtcAecNative.WebRtcAec_set_config(aec, config), "WebRtcAec_set_config");
        if (ns != IntPtr.Zero)
        {
            WebRtcNsNative.WebRtcNs_Free(ns);
            ns = IntPtr.Zero;
        }

        if (options.NoiseSuppression)
        {
            ns = WebRtcNsNative.WebRtcNs_Create();
            if (ns == IntPtr.Zero || WebRtcNsNative.WebRtcNs_Init(ns, (uint)sampleRate) != 0
                || WebRtcNsNative.WebRtcNs_set_policy(ns, NoiseSuppressionPolicy(options.NoiseSuppressDb)) != 0)
            {
                throw new InvalidOperationException("WebRTC noise suppressor initialisation failed");
            }
        }
    }

    private void Check(int result, string call)
    {
        if (result != 0)
        {
            var code = WebRtcAecNative.WebRtcAec_get_error_code(aec);
            // 12050 and above are warnings (e.g. a far-end buffer overflow the canceller recovers from).
            if (code < 12050)
            {
                throw new InvalidOperationException($"{call} failed with WebRTC AEC error {code}");
            }
        }
    }

    private static void ToFloat(ReadOnlySpan<short> source, Span<float> destination)
    {
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = source[i];
        }
    }

    private static void ToShort(ReadOnlySpan<float> source, Span<short> destination)
    {
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = (short)Math.Clamp(MathF.Round(source[i]), short.MinValue, short.MaxValue);
        }
    }
}
