using Jarvis.Satellite.Audio;

namespace Jarvis.Bench.Satellite;

/// <summary>A speaker that only keeps an energy sum (proves audio came through without storing it).</summary>
internal sealed class DiscardingAudioPlayback(int sampleRate, int frameSamples) : IAudioPlayback
{
    public int SampleRate { get; } = sampleRate;

    public int FrameSamples { get; } = frameSamples;

    public AudioStreamCounters Counters { get; } = new();

    public double Energy { get; private set; }

    public void WriteFrame(ReadOnlySpan<short> frame, CancellationToken cancellationToken)
    {
        foreach (var s in frame)
        {
            Energy += (double)s * s;
        }
    }

    public void Dispose()
    {
    }
}
