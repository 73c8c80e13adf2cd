namespace Jarvis.Satellite.Audio;

/// <summary>Accepts frames no faster than real time (for unpaced sinks: ALSA file devices, recorders).</summary>
public sealed class PacedAudioPlayback(IAudioPlayback inner, TimeProvider timeProvider) : IAudioPlayback
{
    private readonly RealTimePacer pacer = new(inner.SampleRate, timeProvider);

    public int SampleRate => inner.SampleRate;

    public int FrameSamples => inner.FrameSamples;

    public AudioStreamCounters Counters => inner.Counters;

    /// <summary>Waits for the frame's turn (real time), so the frame is taken from the jitter buffer only when it is due.</summary>
    public void WaitUntilReady(CancellationToken cancellationToken) => pacer.WaitForTurn(cancellationToken);

    public void WriteFrame(ReadOnlySpan<short> frame, CancellationToken cancellationToken)
    {
        pacer.WaitForTurn(cancellationToken);
        inner.WriteFrame(frame, cancellationToken);
        pacer.Count(frame.Length);
    }

    public void Dispose() => inner.Dispose();
}
