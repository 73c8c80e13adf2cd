namespace Jarvis.Server.Speech;

/// <summary>
/// Streaming mono 16-bit resampler by linear interpolation (TTS output, e.g. 22050 Hz, to the room rate). Keeps its
/// phase and last sample between chunks, so chunk boundaries are seamless; allocates nothing per call.
/// </summary>
public sealed class LinearResampler
{
    private long _position; // in 1/OutputRate input samples: exact, so chunking never changes the result
    private short _previous;
    private bool _primed;

    public LinearResampler(int inputRate, int outputRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputRate);
        InputRate = inputRate;
        OutputRate = outputRate;
    }

    public int InputRate { get; }

    public int OutputRate { get; }

    /// <summary>Upper bound of output samples for <paramref name="inputSamples"/> input samples.</summary>
    public int MaxOutput(int inputSamples) => (int)(((long)(inputSamples + 1) * OutputRate / InputRate) + 2);

    /// <summary>Resamples <paramref name="input"/> into <paramref name="output"/>; returns the samples written.</summary>
    public int Process(ReadOnlySpan<short> input, Span<short> output)
    {
        if (input.IsEmpty)
        {
            return 0;
        }

        if (InputRate == OutputRate)
        {
            input.CopyTo(output);
            return input.Length;
        }

        if (!_primed)
        {
            _previous = input[0];
            _primed = true;
        }

        // Positions are relative to the previous chunk's last sample (index -1 here is _previous).
        var written = 0;
        while (true)
        {
            var index = (int)(_position / OutputRate);
            if (index >= input.Length)
            {
                break;
            }

            var a = index == 0 ? _previous : input[index - 1];
            var b = input[index];
            var frac = _position - ((long)index * OutputRate);
            output[written++] = (short)((((long)a * (OutputRate - frac)) + ((long)b * frac) + (OutputRate / 2)) / OutputRate);
            _position += InputRate;
        }

        _position -= (long)input.Length * OutputRate;
        _previous = input[^1];
        return written;
    }
}
