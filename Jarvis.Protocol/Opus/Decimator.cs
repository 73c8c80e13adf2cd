using System.Numerics;
using System.Runtime.InteropServices;

namespace Jarvis.Protocol.Opus;

/// <summary>
/// Streaming integer-factor downsampler from 48 kHz (2:1 → 24 kHz, 3:1 → 16 kHz): a Kaiser-windowed sinc
/// low-pass FIR (≈60 dB stop band, pass band to ≈10 kHz / ≈6.4 kHz) evaluated only at the kept samples.
/// Allocation-free after construction; keeps its filter history between calls.
/// </summary>
internal sealed class Decimator
{
    private const double KaiserBeta = 6.0;

    private readonly float[] _taps;
    private readonly float[] _line;
    private readonly int _history;

    public Decimator(int factor, int maxInputSamples)
    {
        if (factor is not (2 or 3))
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "Only 2:1 and 3:1 decimation are supported.");
        }

        Factor = factor;
        _taps = factor == 2 ? DesignLowPass(95, 11000.0 / 48000) : DesignLowPass(143, 7000.0 / 48000);
        _history = _taps.Length - 1;
        _line = new float[_history + maxInputSamples];
    }

    public int Factor { get; }

    /// <summary>Filter delay in output samples.</summary>
    public double DelaySamples => _history / 2.0 / Factor;

    /// <summary>Downsamples <paramref name="input"/> (a multiple of <see cref="Factor"/> samples); returns samples written.</summary>
    public int Process(ReadOnlySpan<short> input, Span<short> output)
    {
        var count = input.Length / Factor;
        if (input.Length % Factor != 0 || input.Length > _line.Length - _history || output.Length < count)
        {
            throw new ArgumentException($"Decimator input must be a multiple of {Factor} samples that fits the buffers.", nameof(input));
        }

        var line = _line.AsSpan();
        for (var i = 0; i < input.Length; i++)
        {
            line[_history + i] = input[i];
        }

        var taps = _taps.AsSpan();
        for (var o = 0; o < count; o++)
        {
            var sum = Dot(line.Slice(o * Factor, taps.Length), taps);
            output[o] = (short)Math.Clamp(MathF.Round(sum), short.MinValue, short.MaxValue);
        }

        line.Slice(input.Length, _history).CopyTo(line);
        return count;
    }

    /// <summary>Forgets the filter history (a new, unrelated stream).</summary>
    public void Reset() => Array.Clear(_line);

    private static float Dot(ReadOnlySpan<float> x, ReadOnlySpan<float> h)
    {
        var width = Vector<float>.Count;
        var acc = Vector<float>.Zero;
        var i = 0;
        var xv = MemoryMarshal.Cast<float, Vector<float>>(x);
        var hv = MemoryMarshal.Cast<float, Vector<float>>(h);
        for (; i < hv.Length; i++)
        {
            acc += xv[i] * hv[i];
        }

        var sum = Vector.Sum(acc);
        for (i *= width; i < h.Length; i++)
        {
            sum += x[i] * h[i];
        }

        return sum;
    }

    private static float[] DesignLowPass(int length, double cutoff)
    {
        var taps = new float[length];
        var middle = (length - 1) / 2.0;
        var norm = BesselI0(KaiserBeta);
        var total = 0.0;
        var values = new double[length];
        for (var n = 0; n < length; n++)
        {
            var t = n - middle;
            var sinc = t == 0 ? 2 * cutoff : Math.Sin(2 * Math.PI * cutoff * t) / (Math.PI * t);
            var r = t / middle;
            var window = BesselI0(KaiserBeta * Math.Sqrt(1 - (r * r))) / norm;
            values[n] = sinc * window;
            total += values[n];
        }

        for (var n = 0; n < length; n++)
        {
            taps[n] = (float)(values[n] / total);
        }

        return taps;
    }

    private static double BesselI0(double x)
    {
        double sum = 1, term = 1;
        for (var k = 1; k < 50; k++)
        {
            term *= x / (2 * k) * (x / (2 * k));
            sum += term;
        }

        return sum;
    }
}
