using Jarvis.Protocol.Opus;

namespace Jarvis.Protocol.Tests.Opus;

/// <summary>Encodes a signal frame by frame and decodes the packets.</summary>
internal static class OpusRoundTrip
{
    public static List<byte[]> Encode(OpusFrameEncoder encoder, short[] signal)
    {
        var packets = new List<byte[]>();
        var buffer = new byte[OpusFrameEncoder.MaxPacketSize];
        for (var offset = 0; offset + encoder.FrameSamples <= signal.Length; offset += encoder.FrameSamples)
        {
            var length = encoder.Encode(signal.AsSpan(offset, encoder.FrameSamples), buffer);
            packets.Add(buffer[..length]);
        }

        return packets;
    }

    public static short[] Decode(OpusFrameDecoder decoder, IEnumerable<byte[]> packets)
    {
        var output = new List<short>();
        var pcm = new short[OpusFrameDecoder.MaxSamplesPerPacket(decoder.SampleRate)];
        foreach (var packet in packets)
        {
            var samples = decoder.Decode(packet, pcm);
            output.AddRange(pcm.AsSpan(0, samples).ToArray());
        }

        return [.. output];
    }

    /// <summary>Creates encoders/decoders on a backend; the native one must be installed (CI installs libopus-dev).</summary>
    public static OpusFrameEncoder CreateEncoder(OpusEncoderOptions options, bool native)
    {
        var encoder = OpusFrameEncoder.Create(options, native ? OpusBackend.Native : OpusBackend.Managed);
        Assert.Equal(native, encoder.IsNative);
        return encoder;
    }

    public static OpusFrameDecoder CreateDecoder(int sampleRate, bool native)
    {
        var decoder = OpusFrameDecoder.Create(sampleRate, native ? OpusBackend.Native : OpusBackend.Managed);
        Assert.Equal(native, decoder.IsNative);
        return decoder;
    }

    /// <summary>Joins code-0 packets of one configuration into a single code-3 VBR packet (RFC 6716 §3.2.5).</summary>
    public static byte[] Combine(IReadOnlyList<byte[]> packets)
    {
        var toc = packets[0][0];
        Assert.All(packets, p => Assert.Equal(toc, p[0]));
        var bytes = new List<byte> { (byte)(toc | 3), (byte)(0x80 | packets.Count) };
        foreach (var packet in packets.Take(packets.Count - 1))
        {
            var length = packet.Length - 1;
            Assert.True(length < 252, "frame too long for the one-byte length code of this helper");
            bytes.Add((byte)length);
        }

        foreach (var packet in packets)
        {
            bytes.AddRange(packet.Skip(1));
        }

        return [.. bytes];
    }
}
