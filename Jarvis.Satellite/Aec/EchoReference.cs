namespace Jarvis.Satellite.Aec;

/// <summary>
/// What the speaker played, handed from the playback thread to the capture thread: a ring that the
/// playback side fills with exactly the frames written to the device and the capture side drains one
/// frame per captured frame, behind a configurable delay (zeros when nothing was played).
/// </summary>
public sealed class EchoReference
{
    private readonly short[] ring;
    private readonly int delaySamples;
    private readonly Lock gate = new();
    private int readPos;
    private int count;

    public EchoReference(int sampleRate, int delayMilliseconds, int capacityMilliseconds = 1000)
    {
        delaySamples = sampleRate * delayMilliseconds / 1000;
        ring = new short[Math.Max(sampleRate * capacityMilliseconds / 1000, (delaySamples * 2) + 1)];
        Reset();
    }

    public long DroppedSamples { get; private set; }

    /// <summary>Playback side: the frame just written to the device.</summary>
    public void Played(ReadOnlySpan<short> frame)
    {
        lock (gate)
        {
            var overflow = count + frame.Length - ring.Length;
            if (overflow > 0)
            {
                readPos = (readPos + overflow) % ring.Length;
                count -= overflow;
                DroppedSamples += overflow;
            }

            var writePos = (readPos + count) % ring.Length;
            var first = Math.Min(frame.Length, ring.Length - writePos);
            frame[..first].CopyTo(ring.AsSpan(writePos));
            frame[first..].CopyTo(ring);
            count += frame.Length;
        }
    }

    /// <summary>Capture side: the reference aligned with the frame just captured.</summary>
    public void Take(Span<short> destination)
    {
        lock (gate)
        {
            var n = Math.Min(destination.Length, count);
            var first = Math.Min(n, ring.Length - readPos);
            ring.AsSpan(readPos, first).CopyTo(destination);
            ring.AsSpan(0, n - first).CopyTo(destination[first..]);
            destination[n..].Clear();
            readPos = (readPos + n) % ring.Length;
            count -= n;
        }
    }

    /// <summary>Back to silence with the configured delay (after a flush or a device restart).</summary>
    public void Reset()
    {
        lock (gate)
        {
            readPos = 0;
            count = delaySamples;
            Array.Clear(ring);
        }
    }
}
