namespace Jarvis.Satellite.Audio;

/// <summary>
/// Streaming mono resampler (linear interpolation; when downsampling, a moving-average pre-filter
/// over the decimation ratio limits aliasing). State carries across calls; no allocation per call.
/// </summary>
public sealed class LinearResampler
{
    private readonly double step;
    private readonly int averageLength;
    private readonly int[] history;
    private int historyPos;
    private int historySum;
    private double position;
    private short previous;

    public LinearResampler(int inputRate, int outputRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputRate);
        InputRate = inputRate;
        OutputRate = outputRate;
        step = (double)inputRate / outputRate;
        averageLength = Math.Max(1, (int)Math.Floor(step));
        history = new int[averageLength];
    }

    public int InputRate { get; }

    public int OutputRate { get; }

    /// <summary>Upper bound of the output length for <paramref name="inputSamples"/> input samples.</summary>
    public int MaxOutput(int inputSamples) => (int)Math.Ceiling(inputSamples / step) + 2;

    /// <summary>Resamples <paramref name="input"/>, returns the number of samples written to <paramref name="output"/>.</summary>
    public int Process(ReadOnlySpan<short> input, Span<short> output)
    {
        var written = 0;
        for (var i = 0; i < input.Length; i++)
        {
            var current = Filter(input[i]);
            // Emit every output sample whose time falls between previous (t = -1) and current (t = 0).
            while (position < 1.0)
            {
                var value = previous + ((current - previous) * position);
                output[written++] = (short)Math.Clamp(Math.Round(value), short.MinValue, short.MaxValue);
                position += step;
            }

            position -= 1.0;
            previous = current;
        }

        return written;
    }

    private short Filter(short sample)
    {
        if (averageLength == 1)
        {
            return sample;
        }

        historySum += sample - history[historyPos];
        history[historyPos] = sample;
        historyPos = (historyPos + 1) % averageLength;
        return (short)(historySum / averageLength);
    }
}
