using Jarvis.Satellite.Audio.Pcm;

namespace Jarvis.Satellite.Audio.PortAudio;

/// <summary>
/// An open blocking PortAudio stream in one direction, int16, at the device rate and channel count that
/// the device accepts (the requested rate and mono when possible).
/// </summary>
internal sealed class PortAudioStream : IPcmStream
{
    private readonly PortAudioRuntime runtime;
    private readonly bool input;
    private IntPtr handle;

    private PortAudioStream(PortAudioRuntime runtime, IntPtr handle, bool input, PortAudioDevice device, int rate, int channels, int framesPerBuffer)
    {
        this.input = input;
        this.runtime = runtime;
        this.handle = handle;
        Device = device;
        DeviceRate = rate;
        Channels = channels;
        FramesPerBuffer = framesPerBuffer;
    }

    public PortAudioDevice Device { get; }

    public string Name => Device.Name;

    public int DeviceRate { get; }

    public int Channels { get; }

    /// <summary>Device frames per 20 ms (or smaller) buffer.</summary>
    public int FramesPerBuffer { get; }

    public IntPtr Handle => handle;

    public static unsafe PortAudioStream Open(string? deviceName, bool input, int wantedRate, int bufferMilliseconds)
    {
        var runtime = PortAudioRuntime.Acquire();
        try
        {
            var device = PortAudioDeviceCatalog.Resolve(PortAudioDeviceCatalog.ListInitialised(), deviceName, input);
            var maxChannels = input ? device.MaxInputChannels : device.MaxOutputChannels;
            var parameters = new PortAudioNative.StreamParameters
            {
                Device = device.Index,
                SampleFormat = PortAudioNative.SampleFormatInt16,
                SuggestedLatency = bufferMilliseconds / 1000.0,
            };
            var (rate, channels) = ChooseFormat(&parameters, input, wantedRate, (int)device.DefaultSampleRate, maxChannels)
                ?? throw new PortAudioException(
                    $"Audio device '{device.Name}' accepts neither {wantedRate} Hz nor its default {device.DefaultSampleRate} Hz as 16-bit mono/stereo.");
            parameters.ChannelCount = channels;
            var framesPerBuffer = rate * bufferMilliseconds / 1000;
            var error = input
                ? PortAudioNative.Pa_OpenStream(out var stream, &parameters, null, rate, (nuint)framesPerBuffer, PortAudioNative.StreamFlagClipOff, IntPtr.Zero, IntPtr.Zero)
                : PortAudioNative.Pa_OpenStream(out stream, null, &parameters, rate, (nuint)framesPerBuffer, PortAudioNative.StreamFlagClipOff, IntPtr.Zero, IntPtr.Zero);
            PortAudioException.ThrowIfError(error, $"opening '{device.Name}'");
            error = PortAudioNative.Pa_StartStream(stream);
            if (error < 0)
            {
                PortAudioNative.Pa_CloseStream(stream);
                PortAudioException.ThrowIfError(error, $"starting '{device.Name}'");
            }

            return new PortAudioStream(runtime, stream, input, device, rate, channels, framesPerBuffer);
        }
        catch
        {
            runtime.Dispose();
            throw;
        }
    }

    public unsafe bool Read(Span<short> interleaved)
    {
        int error;
        fixed (short* p = interleaved)
        {
            error = PortAudioNative.Pa_ReadStream(handle, p, (nuint)(interleaved.Length / Channels));
        }

        if (error == PortAudioNative.InputOverflowed)
        {
            return false;
        }

        PortAudioException.ThrowIfError(error, "Pa_ReadStream");
        return true;
    }

    public unsafe bool Write(ReadOnlySpan<short> interleaved)
    {
        int error;
        fixed (short* p = interleaved)
        {
            error = PortAudioNative.Pa_WriteStream(handle, p, (nuint)(interleaved.Length / Channels));
        }

        if (error == PortAudioNative.OutputUnderflowed)
        {
            return false;
        }

        PortAudioException.ThrowIfError(error, "Pa_WriteStream");
        return true;
    }

    private static unsafe (int Rate, int Channels)? ChooseFormat(
        PortAudioNative.StreamParameters* parameters, bool input, int wantedRate, int defaultRate, int maxChannels)
    {
        int[] rates = defaultRate > 0 && defaultRate != wantedRate ? [wantedRate, defaultRate, 48000] : [wantedRate, 48000];
        foreach (var rate in rates)
        {
            for (var channels = 1; channels <= Math.Min(2, maxChannels); channels++)
            {
                parameters->ChannelCount = channels;
                var supported = input
                    ? PortAudioNative.Pa_IsFormatSupported(parameters, null, rate)
                    : PortAudioNative.Pa_IsFormatSupported(null, parameters, rate);
                if (supported == PortAudioNative.NoError)
                {
                    return (rate, channels);
                }
            }
        }

        return null;
    }

    public void Dispose()
    {
        if (handle != IntPtr.Zero)
        {
            // Capture: drop what is buffered. Playback: let what was written drain to the device.
            _ = input ? PortAudioNative.Pa_AbortStream(handle) : PortAudioNative.Pa_StopStream(handle);
            PortAudioNative.Pa_CloseStream(handle);
            handle = IntPtr.Zero;
            runtime.Dispose();
        }
    }
}
