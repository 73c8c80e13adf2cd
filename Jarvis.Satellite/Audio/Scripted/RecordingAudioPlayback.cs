namespace Jarvis.Satellite.Audio.Scripted;

/// <summary>A speaker that records what it is given into a preallocated buffer (drops beyond capacity).</summary>
public sealed class RecordingAudioPlayback(int sampleRate, int frameSamples, int capacitySamples) : IAudioPlayback
{
    private readonly short[] recorded = new short[capacitySamples];
    private readonly Lock gate = new();
    private int length;

    public int SampleRate { get; } = sampleRate;

    public int FrameSamples { get; } = frameSamples;

    public AudioStreamCounters Counters { get; } = new();

    public int RecordedSamples
    {
        get
        {
            lock (gate)
            {
                return length;
            }
        }
    }

    public short[] Snapshot()
    {
        lock (gate)
        {
            return recorded.AsSpan(0, length).ToArray();
        }
    }

    public void WriteFrame(ReadOnlySpan<short> frame, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            var n = Math.Min(frame.Length, recorded.Length - length);
            frame[..n].CopyTo(recorded.AsSpan(length));
            length += n;
        }

        Counters.AddFrame();
    }

    public void Dispose()
    {
    }
}
