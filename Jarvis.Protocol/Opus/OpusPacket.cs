namespace Jarvis.Protocol.Opus;

/// <summary>Reads an Opus packet's table-of-contents byte (RFC 6716 §3.1) without decoding it.</summary>
public static class OpusPacket
{
    /// <summary>The longest packet Opus allows: 120 ms.</summary>
    public const int MaxDurationMilliseconds = 120;

    /// <summary>Samples per channel the packet decodes to at <paramref name="sampleRate"/> (frames × frame size).</summary>
    /// <exception cref="InvalidDataException">The packet is empty, truncated or longer than 120 ms.</exception>
    public static int GetSampleCount(ReadOnlySpan<byte> packet, int sampleRate)
    {
        if (!TryGetSampleCount(packet, sampleRate, out var samples))
        {
            throw new InvalidDataException($"Not a valid Opus packet ({packet.Length} bytes): empty, truncated or longer than 120 ms.");
        }

        return samples;
    }

    /// <summary>Like <see cref="GetSampleCount"/>, returning false for an invalid packet.</summary>
    public static bool TryGetSampleCount(ReadOnlySpan<byte> packet, int sampleRate, out int samples)
    {
        samples = 0;
        if (packet.IsEmpty)
        {
            return false;
        }

        int frames;
        switch (packet[0] & 3)
        {
            case 0:
                frames = 1;
                break;
            case 1:
            case 2:
                frames = 2;
                break;
            default:
                if (packet.Length < 2)
                {
                    return false;
                }

                frames = packet[1] & 0x3F;
                break;
        }

        // Frame size in units of 1/400 s (2.5 ms), so that 2.5 ms frames stay exact.
        var durationUnits = frames * FrameDurationUnits(packet[0]);
        if (frames == 0 || durationUnits > MaxDurationMilliseconds * 400 / 1000)
        {
            return false;
        }

        samples = durationUnits * sampleRate / 400;
        return true;
    }

    /// <summary>The coding mode of the packet.</summary>
    public static OpusMode GetMode(ReadOnlySpan<byte> packet)
    {
        if (packet.IsEmpty)
        {
            throw new InvalidDataException("An empty Opus packet has no mode.");
        }

        var config = packet[0] >> 3;
        return config < 12 ? OpusMode.SilkOnly : config < 16 ? OpusMode.Hybrid : OpusMode.CeltOnly;
    }

    private static int FrameDurationUnits(byte toc)
    {
        var config = toc >> 3;
        if (config < 12)
        {
            // SILK: 10, 20, 40, 60 ms.
            return (config & 3) switch { 0 => 4, 1 => 8, 2 => 16, _ => 24 };
        }

        if (config < 16)
        {
            // Hybrid: 10, 20 ms.
            return (config & 1) == 0 ? 4 : 8;
        }

        // CELT: 2.5, 5, 10, 20 ms.
        return 1 << (config & 3);
    }
}
