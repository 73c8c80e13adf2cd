namespace Jarvis.Satellite.Audio;

/// <summary>Accepts frames no faster than real time (for unpaced sinks: ALSA file devices, recorders).</summary>
public sealed class PacedAudioPlayback(IAudioPlayback inner, TimeProvider timeProvider) : IAudioPlayback
{
    private long start = -1;
    private long written;

    public int SampleRate => inner.SampleRate;

    public int FrameSamples => inner.FrameSamples;

    public AudioStreamCounters Counters => inner.Counters;

    public void WriteFrame(ReadOnlySpan<short> frame, CancellationToken cancellationToken)
    {
        if (start < 0)
        {
            start = timeProvider.GetTimestamp();
        }

        var due = TimeSpan.FromSeconds((double)written / SampleRate);
        var wait = due - timeProvider.GetElapsedTime(start);
        if (wait > TimeSpan.Zero)
        {
            cancellationToken.WaitHandle.WaitOne(wait);
            cancellationToken.ThrowIfCancellationRequested();
        }

        inner.WriteFrame(frame, cancellationToken);
        written += frame.Length;
    }

    public void Dispose() => inner.Dispose();
}
