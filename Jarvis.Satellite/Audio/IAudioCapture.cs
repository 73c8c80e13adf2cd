namespace Jarvis.Satellite.Audio;

/// <summary>A mono 16-bit microphone delivering fixed-size frames (ALSA or PortAudio, or scripted in tests).</summary>
public interface IAudioCapture : IDisposable
{
    int SampleRate { get; }

    int FrameSamples { get; }

    AudioStreamCounters Counters { get; }

    /// <summary>Blocks until <paramref name="frame"/> (exactly <see cref="FrameSamples"/> long) is filled;
    /// false when the source has ended.</summary>
    bool ReadFrame(Span<short> frame, CancellationToken cancellationToken);
}
