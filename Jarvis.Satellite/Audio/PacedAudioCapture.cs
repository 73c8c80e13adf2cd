namespace Jarvis.Satellite.Audio;

/// <summary>
/// Delivers frames of an unpaced source (ALSA file devices, scripts) no faster than real time.
/// </summary>
public sealed class PacedAudioCapture(IAudioCapture inner, TimeProvider timeProvider) : IAudioCapture
{
    private long start = -1;
    private long delivered;

    public int SampleRate => inner.SampleRate;

    public int FrameSamples => inner.FrameSamples;

    public AudioStreamCounters Counters => inner.Counters;

    public bool ReadFrame(Span<short> frame, CancellationToken cancellationToken)
    {
        if (start < 0)
        {
            start = timeProvider.GetTimestamp();
        }

        var due = TimeSpan.FromSeconds((double)delivered / SampleRate);
        var wait = due - timeProvider.GetElapsedTime(start);
        if (wait > TimeSpan.Zero)
        {
            cancellationToken.WaitHandle.WaitOne(wait);
            cancellationToken.ThrowIfCancellationRequested();
        }

        if (!inner.ReadFrame(frame, cancellationToken))
        {
            return false;
        }

        delivered += frame.Length;
        return true;
    }

    public void Dispose() => inner.Dispose();
}
