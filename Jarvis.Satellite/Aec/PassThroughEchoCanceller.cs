namespace Jarvis.Satellite.Aec;

/// <summary>Copies the capture unchanged (echo cancellation off or unavailable).</summary>
public sealed class PassThroughEchoCanceller : IEchoCanceller
{
    public bool IsActive => false;

    public void Process(ReadOnlySpan<short> captured, ReadOnlySpan<short> played, Span<short> output) => captured.CopyTo(output);

    public void Reset()
    {
    }

    public void Dispose()
    {
    }
}
