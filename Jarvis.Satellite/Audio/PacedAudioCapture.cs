namespace Jarvis.Satellite.Audio;

/// <summary>
/// Delivers frames of an unpaced source (ALSA file devices, scripts) no faster than real time.
/// </summary>
public sealed class PacedAudioCapture(IAudioCapture inner, TimeProvider timeProvider) : IAudioCapture
{
    private readonly RealTimePacer pacer = new(inner.SampleRate, timeProvider);

    public int SampleRate => inner.SampleRate;

    public int FrameSamples => inner.FrameSamples;

    public AudioStreamCounters Counters => inner.Counters;

    public bool ReadFrame(Span<short> frame, CancellationToken cancellationToken)
    {
        pacer.WaitForTurn(cancellationToken);
        if (!inner.ReadFrame(frame, cancellationToken))
        {
            return false;
        }

        pacer.Count(frame.Length);
        return true;
    }

    public void Dispose() => inner.Dispose();
}
