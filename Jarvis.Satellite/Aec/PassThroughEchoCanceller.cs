namespace Jarvis.Satellite.Aec;

/// <summary>Copies the capture unchanged: echo cancellation off or unavailable, or done by the system before the
/// satellite sees the audio (<paramref name="cancelsEcho"/>).</summary>
public sealed class PassThroughEchoCanceller(bool cancelsEcho = false) : IEchoCanceller
{
    public bool IsActive => cancelsEcho;

    public int ReachMilliseconds => cancelsEcho ? 0 : int.MaxValue;

    public void Process(ReadOnlySpan<short> captured, ReadOnlySpan<short> played, Span<short> output) => captured.CopyTo(output);

    public void Reset()
    {
    }

    public void Dispose()
    {
    }
}
