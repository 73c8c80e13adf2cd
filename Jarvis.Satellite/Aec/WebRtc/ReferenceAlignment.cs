namespace Jarvis.Satellite.Aec.WebRtc;

/// <summary>
/// Delays the speaker reference so that the echo's direct path lands early in WebRTC's 128 ms filter, leaving the
/// rest of the filter for the room's tail. WebRTC 0.3's own delay-agnostic estimator only starts correcting after
/// 6 s and only beyond ¾ of the filter; this one correlates the 5 ms energy envelopes of the reference and the
/// microphone over the last 2 s (every 250 ms) and moves the reference when the echo falls outside the filter's head.
/// One thread, no allocation per frame.
/// </summary>
internal sealed class ReferenceAlignment
{
    /// <summary>Latest echo looked for by default (ms after the reference).</summary>
    public const int MaxDelayMilliseconds = 500;

    private const int EnvelopeMilliseconds = 5;
    private const int EstimateEveryMilliseconds = 250;
    private readonly EchoDelayEstimator estimator;
    private readonly short[] line;
    private readonly int samplesPerMillisecond;
    private readonly int envelopeSamples;
    private readonly int targetMilliseconds;
    private readonly int headMilliseconds;
    private readonly int maxShiftMilliseconds;
    private int write;
    private int shiftSamples;
    private int sinceEstimate;

    /// <param name="sampleRate">8 or 16 kHz.</param>
    /// <param name="maxDelayMilliseconds">Latest echo the alignment looks for.</param>
    /// <param name="targetMilliseconds">Where in the filter the direct path is put.</param>
    /// <param name="headMilliseconds">The direct path may drift this far into the filter before the reference is moved.</param>
    public ReferenceAlignment(int sampleRate, int maxDelayMilliseconds = MaxDelayMilliseconds, int targetMilliseconds = 16, int headMilliseconds = 56)
    {
        samplesPerMillisecond = sampleRate / 1000;
        envelopeSamples = EnvelopeMilliseconds * samplesPerMillisecond;
        this.targetMilliseconds = targetMilliseconds;
        this.headMilliseconds = headMilliseconds;
        maxShiftMilliseconds = maxDelayMilliseconds - targetMilliseconds;
        estimator = new EchoDelayEstimator(EnvelopeMilliseconds, historyMilliseconds: 2000, maxDelayMilliseconds);
        line = new short[(maxShiftMilliseconds + 40) * samplesPerMillisecond];
    }

    /// <summary>How much the reference is delayed now (ms).</summary>
    public int ShiftMilliseconds => shiftSamples / samplesPerMillisecond;

    /// <summary>The last echo delay found (ms), or -1 before the first.</summary>
    public int EchoDelayMilliseconds { get; private set; } = -1;

    /// <summary>Takes the reference and microphone block just played/captured; writes the reference to use.</summary>
    public void Align(ReadOnlySpan<short> played, ReadOnlySpan<short> captured, Span<short> aligned)
    {
        for (var offset = 0; offset + envelopeSamples <= played.Length; offset += envelopeSamples)
        {
            estimator.Add(played.Slice(offset, envelopeSamples), captured.Slice(offset, envelopeSamples));
        }

        sinceEstimate += played.Length;
        if (sinceEstimate >= EstimateEveryMilliseconds * samplesPerMillisecond)
        {
            sinceEstimate = 0;
            Reconsider();
        }

        for (var i = 0; i < played.Length; i++)
        {
            line[write] = played[i];
            var read = write - shiftSamples;
            aligned[i] = line[read < 0 ? read + line.Length : read];
            write = write + 1 == line.Length ? 0 : write + 1;
        }
    }

    public void Reset()
    {
        Array.Clear(line);
        shiftSamples = 0;
        sinceEstimate = 0;
        EchoDelayMilliseconds = -1;
    }

    private void Reconsider()
    {
        if (!estimator.TryEstimate(out var delay, out _))
        {
            return;
        }

        EchoDelayMilliseconds = delay;
        var position = delay - ShiftMilliseconds;
        if (position >= 0 && position <= headMilliseconds)
        {
            return;
        }

        shiftSamples = Math.Clamp(delay - targetMilliseconds, 0, maxShiftMilliseconds) * samplesPerMillisecond;
    }
}
