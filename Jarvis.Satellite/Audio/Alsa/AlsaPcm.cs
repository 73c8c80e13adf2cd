using Jarvis.Satellite.Audio.Pcm;

namespace Jarvis.Satellite.Audio.Alsa;

/// <summary>
/// An open blocking ALSA PCM in one direction: interleaved S16_LE, mono when the device allows it, at the rate nearest
/// the one asked for (a <c>plughw</c>/<c>plug</c> PCM converts; a bare <c>hw</c> one may not), one period per frame.
/// An overrun or underrun is recovered (<c>snd_pcm_recover</c>) and reported; any other error throws.
/// </summary>
internal sealed unsafe class AlsaPcm : IPcmStream
{
    /// <summary>Capture buffers several periods (no latency: a read returns once one period is in); playback as few as
    /// configured (<see cref="AudioOptions.PlaybackPeriods"/>: everything buffered is heard that much later).</summary>
    private const int CapturePeriods = 8;

    private readonly bool input;
    private IntPtr handle;

    private AlsaPcm(IntPtr handle, bool input, string name, int rate, int channels, int periodFrames)
    {
        this.handle = handle;
        this.input = input;
        Name = name;
        DeviceRate = rate;
        Channels = channels;
        FramesPerBuffer = periodFrames;
    }

    public string Name { get; }

    public int DeviceRate { get; }

    public int Channels { get; }

    public int FramesPerBuffer { get; }

    /// <param name="playbackPeriods">Periods in a playback buffer (capture always has <see cref="CapturePeriods"/>).</param>
    public static AlsaPcm Open(string name, bool input, int wantedRate, int periodMilliseconds, int playbackPeriods) =>
        AlsaLibrary.Call(() => OpenLoaded(name, input, wantedRate, periodMilliseconds, input ? CapturePeriods : playbackPeriods));

    private static AlsaPcm OpenLoaded(string name, bool input, int wantedRate, int periodMilliseconds, int periods)
    {
        var kind = input ? "capture" : "playback";
        var error = AlsaNative.snd_pcm_open(out var pcm, name, input ? AlsaNative.StreamCapture : AlsaNative.StreamPlayback, 0);
        if (error < 0)
        {
            throw new AlsaException($"Cannot open ALSA {kind} device '{name}': {AlsaNative.ErrorText(error)} (see `jarvis-satellite devices`).");
        }

        try
        {
            var (rate, channels, period) = Configure(pcm, wantedRate, periodMilliseconds, periods, $"'{name}' ({kind})");
            AlsaException.ThrowIfError(AlsaNative.snd_pcm_prepare(pcm), $"preparing '{name}'");
            if (input)
            {
                AlsaException.ThrowIfError(AlsaNative.snd_pcm_start(pcm), $"starting '{name}'");
            }

            return new AlsaPcm(pcm, input, name, rate, channels, period);
        }
        catch
        {
            _ = AlsaNative.snd_pcm_close(pcm);
            throw;
        }
    }

    private static (int Rate, int Channels, int PeriodFrames) Configure(IntPtr pcm, int wantedRate, int periodMilliseconds, int periods, string what)
    {
        AlsaException.ThrowIfError(AlsaNative.snd_pcm_hw_params_malloc(out var parameters), "snd_pcm_hw_params_malloc");
        try
        {
            AlsaException.ThrowIfError(AlsaNative.snd_pcm_hw_params_any(pcm, parameters), $"{what}: no configuration");
            AlsaException.ThrowIfError(
                AlsaNative.snd_pcm_hw_params_set_access(pcm, parameters, AlsaNative.AccessRwInterleaved), $"{what}: interleaved access");
            AlsaException.ThrowIfError(
                AlsaNative.snd_pcm_hw_params_set_format(pcm, parameters, AlsaNative.FormatS16Le), $"{what}: 16-bit samples (use a plughw: device)");
            var channels = 1u;
            AlsaException.ThrowIfError(AlsaNative.snd_pcm_hw_params_set_channels_near(pcm, parameters, ref channels), $"{what}: channels");
            var rate = (uint)wantedRate;
            AlsaException.ThrowIfError(AlsaNative.snd_pcm_hw_params_set_rate_near(pcm, parameters, ref rate, IntPtr.Zero), $"{what}: {wantedRate} Hz");
            var period = (nuint)(rate * (uint)periodMilliseconds / 1000);
            AlsaException.ThrowIfError(
                AlsaNative.snd_pcm_hw_params_set_period_size_near(pcm, parameters, ref period, IntPtr.Zero), $"{what}: period");
            var buffer = period * (nuint)periods;
            AlsaException.ThrowIfError(AlsaNative.snd_pcm_hw_params_set_buffer_size_near(pcm, parameters, ref buffer), $"{what}: buffer");
            AlsaException.ThrowIfError(AlsaNative.snd_pcm_hw_params(pcm, parameters), $"{what}: applying {rate} Hz × {channels}");
            return ((int)rate, (int)channels, (int)period);
        }
        finally
        {
            AlsaNative.snd_pcm_hw_params_free(parameters);
        }
    }

    public bool Read(Span<short> interleaved)
    {
        fixed (short* samples = interleaved)
        {
            return Transfer(samples, interleaved.Length / Channels, &AlsaNative.snd_pcm_readi, "snd_pcm_readi");
        }
    }

    public bool Write(ReadOnlySpan<short> interleaved)
    {
        fixed (short* samples = interleaved)
        {
            return Transfer(samples, interleaved.Length / Channels, &AlsaNative.snd_pcm_writei, "snd_pcm_writei");
        }
    }

    /// <summary>Reads or writes all <paramref name="frames"/>, recovering from xruns; false when one happened.</summary>
    private bool Transfer(short* samples, int frames, delegate*<IntPtr, short*, nuint, nint> transfer, string what)
    {
        var complete = true;
        for (var done = 0; done < frames;)
        {
            var count = transfer(handle, samples + (done * Channels), (nuint)(frames - done));
            if (count < 0)
            {
                complete &= Recover((int)count, what);
            }
            else
            {
                done += (int)count;
            }
        }

        return complete;
    }

    /// <summary>Restarts after an overrun/underrun (false) or an interrupted call (true); throws on anything else.</summary>
    private bool Recover(int error, string what)
    {
        if (error is not (AlsaNative.EPipe or AlsaNative.EStrPipe or AlsaNative.EIntr))
        {
            AlsaException.ThrowIfError(error, $"{what} on '{Name}'");
        }

        AlsaException.ThrowIfError(AlsaNative.snd_pcm_recover(handle, error, 1), $"{what} on '{Name}', recovering");
        return error == AlsaNative.EIntr;
    }

    public void Dispose()
    {
        if (handle != IntPtr.Zero)
        {
            // Capture: drop what is buffered. Playback: let what was written play out.
            _ = input ? AlsaNative.snd_pcm_drop(handle) : AlsaNative.snd_pcm_drain(handle);
            _ = AlsaNative.snd_pcm_close(handle);
            handle = IntPtr.Zero;
        }
    }
}
