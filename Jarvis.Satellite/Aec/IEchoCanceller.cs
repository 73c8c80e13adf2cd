namespace Jarvis.Satellite.Aec;

/// <summary>Removes from a captured frame the echo of what the speaker played (same frame size and rate).</summary>
public interface IEchoCanceller : IDisposable
{
    /// <summary>False for the pass-through used when speexdsp is absent or echo cancellation is off.</summary>
    bool IsActive { get; }

    void Process(ReadOnlySpan<short> captured, ReadOnlySpan<short> played, Span<short> output);

    void Reset();
}
