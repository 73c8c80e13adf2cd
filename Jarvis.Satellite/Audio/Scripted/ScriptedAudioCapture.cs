namespace Jarvis.Satellite.Audio.Scripted;

/// <summary>A microphone that plays back a fixed PCM script (tests, benchmarks); optionally loops.</summary>
public sealed class ScriptedAudioCapture(ReadOnlyMemory<short> script, int sampleRate, int frameSamples, bool loop = false) : IAudioCapture
{
    private int position;

    public int SampleRate { get; } = sampleRate;

    public int FrameSamples { get; } = frameSamples;

    public AudioStreamCounters Counters { get; } = new();

    public bool ReadFrame(Span<short> frame, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (position >= script.Length)
        {
            if (!loop || script.Length == 0)
            {
                return false;
            }

            position = 0;
        }

        var n = Math.Min(frame.Length, script.Length - position);
        script.Span.Slice(position, n).CopyTo(frame);
        frame[n..].Clear();
        position += n;
        Counters.AddFrame();
        return true;
    }

    public void Dispose()
    {
    }
}
