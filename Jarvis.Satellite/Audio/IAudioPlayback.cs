namespace Jarvis.Satellite.Audio;

/// <summary>A mono 16-bit speaker taking fixed-size frames (ALSA or PortAudio, or a recording sink in tests).</summary>
public interface IAudioPlayback : IDisposable
{
    int SampleRate { get; }

    int FrameSamples { get; }

    AudioStreamCounters Counters { get; }

    /// <summary>
    /// Blocks until the next frame would be taken at once, so that it is made as late as possible (what waits in a
    /// jitter buffer can still be trimmed; a frame made early only adds latency). Devices whose write is the pacing
    /// (the blocking writes of ALSA and PortAudio) have nothing to wait for here.
    /// </summary>
    void WaitUntilReady(CancellationToken cancellationToken)
    {
    }

    /// <summary>Blocks until the device has accepted <paramref name="frame"/> (exactly <see cref="FrameSamples"/> long).</summary>
    void WriteFrame(ReadOnlySpan<short> frame, CancellationToken cancellationToken);
}
