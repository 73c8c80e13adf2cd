namespace Jarvis.Satellite.Audio.PortAudio;

/// <summary>
/// Speaker through PortAudio's blocking write API: frames at <see cref="SampleRate"/> are resampled to
/// the device rate when needed and copied to every channel the device was opened with.
/// </summary>
public sealed class PortAudioPlayback : IAudioPlayback
{
    private readonly PortAudioStream stream;
    private readonly LinearResampler? resampler;
    private readonly short[] resampled;
    private readonly short[] interleaved;

    private PortAudioPlayback(PortAudioStream stream, int sampleRate, int frameSamples)
    {
        this.stream = stream;
        SampleRate = sampleRate;
        FrameSamples = frameSamples;
        if (stream.DeviceRate != sampleRate)
        {
            resampler = new LinearResampler(sampleRate, stream.DeviceRate);
        }

        resampled = new short[resampler?.MaxOutput(frameSamples) ?? frameSamples];
        interleaved = new short[resampled.Length * stream.Channels];
    }

    public int SampleRate { get; }

    public int FrameSamples { get; }

    public AudioStreamCounters Counters { get; } = new();

    public string Description => $"{stream.Device.Name} @ {stream.DeviceRate} Hz × {stream.Channels}" +
        (resampler is null ? string.Empty : $" ← {SampleRate} Hz");

    public static PortAudioPlayback Open(string? device, int sampleRate, int frameMilliseconds) =>
        new(PortAudioStream.Open(device, input: false, sampleRate, frameMilliseconds), sampleRate, sampleRate * frameMilliseconds / 1000);

    public unsafe void WriteFrame(ReadOnlySpan<short> frame, CancellationToken cancellationToken)
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

        int error;
        fixed (short* p = samples)
        {
            error = PortAudioNative.Pa_WriteStream(stream.Handle, p, (nuint)(samples.Length / stream.Channels));
        }

        if (error == PortAudioNative.OutputUnderflowed)
        {
            Counters.AddUnderrun();
        }
        else
        {
            PortAudioException.ThrowIfError(error, "Pa_WriteStream");
        }

        Counters.AddFrame();
    }

    public void Dispose() => stream.Dispose();
}
