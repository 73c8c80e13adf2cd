namespace Jarvis.Satellite.Audio.Pcm;

/// <summary>
/// Microphone over a blocking <see cref="IPcmStream"/>: the first channel of what the device delivers, resampled to
/// <see cref="SampleRate"/> when the device runs at another rate, cut into fixed frames.
/// </summary>
internal sealed class PcmCapture : IAudioCapture
{
    private readonly IPcmStream stream;
    private readonly short[] deviceBuffer;
    private readonly short[] monoBuffer;
    private readonly short[] resampled;
    private readonly LinearResampler? resampler;
    private readonly SampleFifo fifo;

    public PcmCapture(IPcmStream stream, int sampleRate, int frameMilliseconds)
    {
        this.stream = stream;
        SampleRate = sampleRate;
        FrameSamples = sampleRate * frameMilliseconds / 1000;
        deviceBuffer = new short[stream.FramesPerBuffer * stream.Channels];
        monoBuffer = new short[stream.FramesPerBuffer];
        if (stream.DeviceRate != sampleRate)
        {
            resampler = new LinearResampler(stream.DeviceRate, sampleRate);
        }

        resampled = new short[resampler?.MaxOutput(stream.FramesPerBuffer) ?? stream.FramesPerBuffer];
        fifo = new SampleFifo((FrameSamples * 2) + resampled.Length);
    }

    public int SampleRate { get; }

    public int FrameSamples { get; }

    public AudioStreamCounters Counters { get; } = new();

    /// <summary>The device actually opened (for logs).</summary>
    public string Description => $"{stream.Name} @ {stream.DeviceRate} Hz × {stream.Channels}" +
        (resampler is null ? string.Empty : $" → {SampleRate} Hz");

    public bool ReadFrame(Span<short> frame, CancellationToken cancellationToken)
    {
        while (fifo.Count < frame.Length)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!stream.Read(deviceBuffer))
            {
                Counters.AddOverrun();
            }

            var mono = TakeFirstChannel();
            if (resampler is null)
            {
                fifo.Write(mono);
            }
            else
            {
                fifo.Write(resampled.AsSpan(0, resampler.Process(mono, resampled)));
            }
        }

        fifo.Read(frame);
        Counters.AddFrame();
        return true;
    }

    private ReadOnlySpan<short> TakeFirstChannel()
    {
        if (stream.Channels == 1)
        {
            return deviceBuffer;
        }

        for (var i = 0; i < monoBuffer.Length; i++)
        {
            monoBuffer[i] = deviceBuffer[i * stream.Channels];
        }

        return monoBuffer;
    }

    public void Dispose() => stream.Dispose();
}
