namespace Jarvis.Satellite.Audio.PortAudio;

/// <summary>
/// Microphone through PortAudio's blocking read API: device rate and channels as the device allows,
/// first channel taken, resampled to <see cref="SampleRate"/> when the device cannot do it.
/// </summary>
public sealed class PortAudioCapture : IAudioCapture
{
    private readonly PortAudioStream stream;
    private readonly short[] deviceBuffer;
    private readonly short[] monoBuffer;
    private readonly short[] resampled;
    private readonly LinearResampler? resampler;
    private readonly SampleFifo fifo;

    private PortAudioCapture(PortAudioStream stream, int sampleRate, int frameSamples)
    {
        this.stream = stream;
        SampleRate = sampleRate;
        FrameSamples = frameSamples;
        deviceBuffer = new short[stream.FramesPerBuffer * stream.Channels];
        monoBuffer = new short[stream.FramesPerBuffer];
        if (stream.DeviceRate != sampleRate)
        {
            resampler = new LinearResampler(stream.DeviceRate, sampleRate);
        }

        resampled = new short[resampler?.MaxOutput(stream.FramesPerBuffer) ?? stream.FramesPerBuffer];
        fifo = new SampleFifo((frameSamples * 2) + resampled.Length);
    }

    public int SampleRate { get; }

    public int FrameSamples { get; }

    public AudioStreamCounters Counters { get; } = new();

    /// <summary>The device actually opened (for logs).</summary>
    public string Description => $"{stream.Device.Name} @ {stream.DeviceRate} Hz × {stream.Channels}" +
        (resampler is null ? string.Empty : $" → {SampleRate} Hz");

    public static PortAudioCapture Open(string? device, int sampleRate, int frameMilliseconds) =>
        new(PortAudioStream.Open(device, input: true, sampleRate, frameMilliseconds), sampleRate, sampleRate * frameMilliseconds / 1000);

    public unsafe bool ReadFrame(Span<short> frame, CancellationToken cancellationToken)
    {
        while (fifo.Count < frame.Length)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int error;
            fixed (short* p = deviceBuffer)
            {
                error = PortAudioNative.Pa_ReadStream(stream.Handle, p, (nuint)stream.FramesPerBuffer);
            }

            if (error == PortAudioNative.InputOverflowed)
            {
                Counters.AddOverrun();
            }
            else
            {
                PortAudioException.ThrowIfError(error, "Pa_ReadStream");
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
