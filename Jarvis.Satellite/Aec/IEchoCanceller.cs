namespace Jarvis.Satellite.Aec;

/// <summary>Removes from a captured frame the echo of what the speaker played (same frame size and rate).</summary>
public interface IEchoCanceller : IDisposable
{
    /// <summary>False for the pass-through used when no canceller library is present or echo cancellation is off.</summary>
    bool IsActive { get; }

    /// <summary>The latest echo (ms after the reference) this canceller still removes; 0 when the echo must already be
    /// gone from the capture (a system-level canceller); <see cref="int.MaxValue"/> when nothing is cancelled.</summary>
    int ReachMilliseconds { get; }

    void Process(ReadOnlySpan<short> captured, ReadOnlySpan<short> played, Span<short> output);

    void Reset();
}
