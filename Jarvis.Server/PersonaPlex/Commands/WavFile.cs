using System.Buffers.Binary;

namespace Jarvis.Server.PersonaPlex.Commands;

/// <summary>Minimal RIFF/WAVE reading (PCM 16-bit or float 32, any channels, mixed to mono) and 16-bit mono writing.</summary>
internal static class WavFile
{
    public static (short[] Samples, int SampleRate) ReadMono(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 12 || !bytes.AsSpan(0, 4).SequenceEqual("RIFF"u8) || !bytes.AsSpan(8, 4).SequenceEqual("WAVE"u8))
        {
            throw new InvalidDataException($"{path} is not a RIFF/WAVE file.");
        }

        int format = 0, channels = 0, rate = 0, bits = 0;
        var position = 12;
        while (position + 8 <= bytes.Length)
        {
            var id = bytes.AsSpan(position, 4);
            var size = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(position + 4)), (uint)(bytes.Length - position - 8));
            var body = bytes.AsSpan(position + 8, size);
            if (id.SequenceEqual("fmt "u8))
            {
                format = BinaryPrimitives.ReadUInt16LittleEndian(body);
                channels = BinaryPrimitives.ReadUInt16LittleEndian(body[2..]);
                rate = BinaryPrimitives.ReadInt32LittleEndian(body[4..]);
                bits = BinaryPrimitives.ReadUInt16LittleEndian(body[14..]);
                if (format == 0xFFFE && body.Length >= 26)
                {
                    format = BinaryPrimitives.ReadUInt16LittleEndian(body[24..]);
                }
            }
            else if (id.SequenceEqual("data"u8))
            {
                return (Decode(body, format, channels, bits, path), rate);
            }

            position += 8 + size + (size & 1);
        }

        throw new InvalidDataException($"{path} has no data chunk.");
    }

    public static void WriteMono16(string path, ReadOnlySpan<short> samples, int sampleRate)
    {
        var data = samples.Length * 2;
        var bytes = new byte[44 + data];
        "RIFF"u8.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), 36 + data);
        "WAVEfmt "u8.CopyTo(bytes.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(22), 1);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(24), sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(28), sampleRate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(32), 2);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(34), 16);
        "data"u8.CopyTo(bytes.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(40), data);
        for (var i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(44 + (2 * i)), samples[i]);
        }

        File.WriteAllBytes(path, bytes);
    }

    /// <summary>Linear-interpolation resampling; good enough for a command-line check of a conversation.</summary>
    public static short[] Resample(short[] input, int fromRate, int toRate)
    {
        if (fromRate == toRate || input.Length == 0)
        {
            return input;
        }

        var output = new short[(int)((long)input.Length * toRate / fromRate)];
        var step = (double)fromRate / toRate;
        for (var i = 0; i < output.Length; i++)
        {
            var position = i * step;
            var index = (int)position;
            var next = Math.Min(index + 1, input.Length - 1);
            var fraction = position - index;
            output[i] = (short)Math.Round((input[index] * (1 - fraction)) + (input[next] * fraction));
        }

        return output;
    }

    private static short[] Decode(ReadOnlySpan<byte> data, int format, int channels, int bits, string path)
    {
        var sampleBytes = bits / 8;
        if (channels < 1 || !((format == 1 && bits == 16) || (format == 3 && bits == 32)))
        {
            throw new InvalidDataException($"{path}: only 16-bit PCM or 32-bit float WAV is supported (format {format}, {bits} bits, {channels} channels).");
        }

        var frames = data.Length / (sampleBytes * channels);
        var mono = new short[frames];
        for (var i = 0; i < frames; i++)
        {
            double sum = 0;
            for (var c = 0; c < channels; c++)
            {
                var sample = data.Slice(((i * channels) + c) * sampleBytes, sampleBytes);
                sum += format == 1 ? BinaryPrimitives.ReadInt16LittleEndian(sample) : BinaryPrimitives.ReadSingleLittleEndian(sample) * 32767.0;
            }

            mono[i] = (short)Math.Clamp(Math.Round(sum / channels), short.MinValue, short.MaxValue);
        }

        return mono;
    }
}
