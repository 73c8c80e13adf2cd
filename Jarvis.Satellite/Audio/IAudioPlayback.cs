namespace Jarvis.Satellite.Audio;

/// <summary>A mono 16-bit speaker taking fixed-size frames (PortAudio, or a recording sink in tests).</summary>
public interface IAudioPlayback : IDisposable
{
    int SampleRate { get; }

    int FrameSamples { get; }

    AudioStreamCounters Counters { get; }

    /// <summary>Blocks until the device has accepted <paramref name="frame"/> (exactly <see cref="FrameSamples"/> long).</summary>
    void WriteFrame(ReadOnlySpan<short> frame, CancellationToken cancellationToken);
}
