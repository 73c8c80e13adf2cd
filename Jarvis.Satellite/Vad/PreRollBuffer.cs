namespace Jarvis.Satellite.Vad;

/// <summary>The last N PCM frames before voice starts (ring; no allocation per frame).</summary>
public sealed class PreRollBuffer
{
    private readonly short[][] frames;
    private int next;
    private int count;

    public PreRollBuffer(int frameSamples, int frameCount)
    {
        frames = new short[Math.Max(1, frameCount)][];
        for (var i = 0; i < frames.Length; i++)
        {
            frames[i] = new short[frameSamples];
        }
    }

    public int Count => count;

    public void Push(ReadOnlySpan<short> frame)
    {
        frame.CopyTo(frames[next]);
        next = (next + 1) % frames.Length;
        count = Math.Min(count + 1, frames.Length);
    }

    /// <summary>Frame <paramref name="index"/> counted from the oldest kept one.</summary>
    public ReadOnlySpan<short> this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
            return frames[(next - count + index + frames.Length) % frames.Length];
        }
    }

    public void Clear() => count = 0;
}
