namespace Jarvis.Satellite.Aec.WebRtc;

/// <summary>
/// Keeps a talker who speaks over the assistant. WebRTC's nonlinear processor gains each band by the coherence
/// between microphone, echo-cancelled signal and far end (<c>min(coh(d,e), 1 − coh(x,d))</c>: near 1 where the
/// microphone is the near end's, near 0 where it is echo), then weights the bands towards the block's typical gain
/// and raises them to the overdrive power — which takes 1–2 dB off near-end speech whenever the far end plays.
/// In a block whose typical gain says the near end dominates the residual echo (≥ <see cref="DominanceGain"/>), the
/// guard holds every band whose own coherence gain is that high at its coherence gain (no weighting, no overdrive);
/// echo-only blocks and bands carrying echo keep the processor's gain, so far-end-only audio keeps its suppression.
/// Pure arithmetic on one 64-sample block's spectrum; no allocation.
/// </summary>
internal static class NearEndGuard
{
    /// <summary>The coherence gain above which a block (its typical gain) and a band are taken as the near end's
    /// (chosen on the echo benchmark: lower costs the soft-clipped speaker's ERLE, higher the talker's level).</summary>
    public const float DominanceGain = 0.7f;

    /// <summary>
    /// Raises <paramref name="gain"/> (the processor's final gains, already applied to the error spectrum) to the
    /// coherence gain in near-end bands and rescales the error spectrum's bins by the same factor.
    /// </summary>
    /// <param name="typicalGain">The block's typical coherence gain (the processor's <c>hNlFb</c>).</param>
    /// <param name="coherenceGain">The processor's gains before weighting and overdrive.</param>
    /// <param name="gain">The processor's final gains (updated: the comfort noise is added by these).</param>
    /// <param name="errorReal">Real parts of the suppressed error spectrum.</param>
    /// <param name="errorImaginary">Imaginary parts of the suppressed error spectrum.</param>
    /// <returns>How many bands were held.</returns>
    public static int Apply(
        float typicalGain, ReadOnlySpan<float> coherenceGain, Span<float> gain, Span<float> errorReal, Span<float> errorImaginary)
    {
        if (gain.Length != coherenceGain.Length || errorReal.Length != gain.Length || errorImaginary.Length != gain.Length)
        {
            throw new ArgumentException("The gains and the spectrum must have the same number of bands.");
        }

        if (typicalGain < DominanceGain)
        {
            return 0;
        }

        var held = 0;
        for (var i = 0; i < gain.Length; i++)
        {
            var target = Math.Min(coherenceGain[i], 1f);
            if (target < DominanceGain || gain[i] >= target || gain[i] <= 0f)
            {
                continue;
            }

            var scale = target / gain[i];
            errorReal[i] *= scale;
            errorImaginary[i] *= scale;
            gain[i] = target;
            held++;
        }

        return held;
    }
}
