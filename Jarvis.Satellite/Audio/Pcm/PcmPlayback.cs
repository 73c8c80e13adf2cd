namespace Jarvis.Satellite.Audio.Pcm;

/// <summary>
/// Speaker over a blocking <see cref="IPcmStream"/>: frames at <see cref="SampleRate"/> are resampled to the device
/// rate when needed and copied to every channel the device was opened with. The blocking write is the pacing.
/// </summary>
internal sealed class PcmPlayback : IAudioPlayback
{
    private readonly IPcmStream stream;
    private readonly LinearResampler? resampler;
    private readonly short[] resampled;
    private readonly short[] interleaved;

    public PcmPlayback(IPcmStream stream, int sampleRate, int frameMilliseconds)
    {
        this.stream = stream;
        SampleRate = sampleRate;
        FrameSamples = sampleRate * frameMilliseconds / 1000;
        if (stream.DeviceRate != sampleRate)
        {
            resampler = new LinearResampler(sampleRate, stream.DeviceRate);
        }

        resampled = new short[resampler?.MaxOutput(FrameSamples) ?? FrameSamples];
        interleaved = new short[resampled.Length * stream.Channels];
    }

    public int SampleRate { get; }

    public int FrameSamples { get; }

    public AudioStreamCounters Counters { get; } = new();

    /// <summary>The device actually opened (for logs).</summary>
    public string Description => $"{stream.Name} @ {stream.DeviceRate} Hz × {stream.Channels}" +
        (resampler is null ? string.Empty : $" ← {SampleRate} Hz");

    public void WriteFrame(ReadOnlySpan<short> frame, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var samples = frame;
        if (resampler is not null)
        {
            samples = resampled.AsSpan(0, resampler.Process(frame, resampled));
        }

        if (stream.Channels > 1)
        {
            for (var i = 0; i < samples.Length; i++)
            {
                for (var c = 0; c < stream.Channels; c++)
                {
                    interleaved[(i * stream.Channels) + c] = samples[i];
                }
            }

            samples = interleaved.AsSpan(0, samples.Length * stream.Channels);
        }

        if (!stream.Write(samples))
        {
            Counters.AddUnderrun();
        }

        Counters.AddFrame();
    }

    public void Dispose() => stream.Dispose();
}
