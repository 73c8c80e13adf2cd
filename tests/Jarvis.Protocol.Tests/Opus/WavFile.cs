using System.Buffers.Binary;

namespace Jarvis.Protocol.Tests.Opus;

/// <summary>Minimal RIFF/WAVE reader and writer for 16-bit mono PCM test files.</summary>
internal static class WavFile
{
    public static (int SampleRate, short[] Samples) Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.AsSpan(0, 4).SequenceEqual("RIFF"u8) && bytes.AsSpan(8, 4).SequenceEqual("WAVE"u8), $"{path} is not a WAV file");
        var sampleRate = 0;
        var offset = 12;
        while (offset + 8 <= bytes.Length)
        {
            var id = bytes.AsSpan(offset, 4);
            var size = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset + 4)), (uint)(bytes.Length - offset - 8));
            var body = bytes.AsSpan(offset + 8, size);
            if (id.SequenceEqual("fmt "u8))
            {
                Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(body[2..]));
                Assert.Equal(16, BinaryPrimitives.ReadUInt16LittleEndian(body[14..]));
                sampleRate = BinaryPrimitives.ReadInt32LittleEndian(body[4..]);
            }
            else if (id.SequenceEqual("data"u8))
            {
                var samples = new short[size / 2];
                for (var i = 0; i < samples.Length; i++)
                {
                    samples[i] = BinaryPrimitives.ReadInt16LittleEndian(body[(2 * i)..]);
                }

                return (sampleRate, samples);
            }

            offset += 8 + size + (size & 1);
        }

        throw new InvalidDataException($"{path} has no data chunk");
    }
}
