namespace Jarvis.Satellite.Audio;

/// <summary>
/// Holds a stream of samples to real time: <see cref="WaitForTurn"/> blocks until the samples counted so far are due
/// (the clock starts at the first call). Used to pace unpaced sources and sinks (ALSA file devices, scripts).
/// </summary>
internal sealed class RealTimePacer(int sampleRate, TimeProvider timeProvider)
{
    private long _start = -1;
    private long _samples;

    public void WaitForTurn(CancellationToken cancellationToken)
    {
        if (_start < 0)
        {
            _start = timeProvider.GetTimestamp();
        }

        var wait = TimeSpan.FromSeconds((double)_samples / sampleRate) - timeProvider.GetElapsedTime(_start);
        if (wait > TimeSpan.Zero)
        {
            cancellationToken.WaitHandle.WaitOne(wait);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    public void Count(int samples) => _samples += samples;
}
