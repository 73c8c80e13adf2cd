namespace Jarvis.Satellite.Aec;

/// <summary>
/// Estimates the bulk delay between what was played and its echo in the microphone by correlating the two
/// frame-energy envelopes over the last few seconds (20 ms resolution). Used to tell the user when the echo
/// arrives later than the canceller's filter can reach (Satellite:Echo:ReferenceDelayMilliseconds). One thread,
/// no allocation per frame.
/// </summary>
public sealed class EchoDelayEstimator
{
    private readonly double[] played;
    private readonly double[] captured;
    private readonly int maxLagFrames;
    private readonly int frameMilliseconds;
    private int next;
    private int count;

    public EchoDelayEstimator(int frameMilliseconds, int historyMilliseconds = 6000, int maxDelayMilliseconds = 500)
    {
        this.frameMilliseconds = frameMilliseconds;
        played = new double[historyMilliseconds / frameMilliseconds];
        captured = new double[played.Length];
        maxLagFrames = maxDelayMilliseconds / frameMilliseconds;
    }

    public void Add(ReadOnlySpan<short> playedFrame, ReadOnlySpan<short> capturedFrame)
    {
        played[next] = LogEnergy(playedFrame);
        captured[next] = LogEnergy(capturedFrame);
        next = (next + 1) % played.Length;
        count = Math.Min(count + 1, played.Length);
    }

    /// <summary>The delay with the strongest envelope correlation (≥ <paramref name="minCorrelation"/>), or false when
    /// the history is too short or the speaker was too quiet to tell.</summary>
    public bool TryEstimate(out int delayMilliseconds, out double correlation, double minCorrelation = 0.5)
    {
        delayMilliseconds = 0;
        correlation = 0;
        var span = count - maxLagFrames;
        if (span < played.Length / 2)
        {
            return false;
        }

        var bestLag = -1;
        for (var lag = 0; lag <= maxLagFrames; lag++)
        {
            var c = Correlate(lag, span);
            if (c > correlation)
            {
                correlation = c;
                bestLag = lag;
            }
        }

        delayMilliseconds = Math.Max(0, bestLag) * frameMilliseconds;
        return bestLag >= 0 && correlation >= minCorrelation;
    }

    /// <summary>Pearson correlation of played[t] with captured[t + lag] over the last <paramref name="span"/> frames.</summary>
    private double Correlate(int lag, int span)
    {
        double sp = 0, sc = 0, spp = 0, scc = 0, spc = 0;
        for (var i = 0; i < span; i++)
        {
            var c = captured[Index(count - 1 - i)];
            var p = played[Index(count - 1 - i - lag)];
            sp += p;
            sc += c;
            spp += p * p;
            scc += c * c;
            spc += p * c;
        }

        var cov = spc - (sp * sc / span);
        var vp = spp - (sp * sp / span);
        var vc = scc - (sc * sc / span);
        return vp <= 1e-9 || vc <= 1e-9 ? 0 : cov / Math.Sqrt(vp * vc);
    }

    /// <summary>Ring index of the <paramref name="age"/>-th frame counted from the oldest kept one.</summary>
    private int Index(int age) => (next - count + age + played.Length) % played.Length;

    private static double LogEnergy(ReadOnlySpan<short> frame)
    {
        double sum = 0;
        foreach (var s in frame)
        {
            sum += (double)s * s;
        }

        return Math.Log10(1 + (sum / Math.Max(1, frame.Length)));
    }
}
