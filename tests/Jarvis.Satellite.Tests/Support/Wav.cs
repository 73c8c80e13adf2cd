using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Jarvis.Satellite.Tests.Support;

/// <summary>Minimal PCM WAV reading (finds the data chunk) for test fixtures.</summary>
internal static class Wav
{
    public static short[] ReadSamples(byte[] bytes)
    {
        var pos = 12;
        while (pos + 8 <= bytes.Length)
        {
            var id = System.Text.Encoding.ASCII.GetString(bytes, pos, 4);
            var size = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(pos + 4));
            if (id == "data")
            {
                // ALSA's file plugin may leave the size unset until close: take what is there.
                var available = bytes.Length - pos - 8;
                var length = size <= 0 || size > available ? available : size;
                return MemoryMarshal.Cast<byte, short>(bytes.AsSpan(pos + 8, length & ~1)).ToArray();
            }

            pos += 8 + size;
        }

        throw new InvalidDataException("WAV without a data chunk");
    }

    public static int SampleRate(byte[] bytes) => BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(24));
}
