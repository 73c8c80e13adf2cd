using System.Buffers.Binary;
using System.Buffers.Text;
using System.Runtime.InteropServices;

namespace Jarvis.Server.PersonaPlex.Realtime;

/// <summary>
/// Writes one <c>input_audio_buffer.append</c> event for one 1920-sample frame into a reused buffer: pcm_f32le in base64,
/// with the format and the rate on every append (the session default is pcm16 at 16 kHz, spec §3, §14.1). Allocation-free.
/// </summary>
internal sealed class AppendMessage
{
    private static ReadOnlySpan<byte> Prefix =>
        "{\"type\":\"input_audio_buffer.append\",\"format\":\"pcm_f32le\",\"sample_rate_hz\":24000,\"audio\":\""u8;

    private static ReadOnlySpan<byte> Suffix => "\"}"u8;

    private readonly byte[] _message = new byte[Prefix.Length + Base64.GetMaxEncodedToUtf8Length(RealtimeAudio.FrameBytesF32) + Suffix.Length];
    private readonly float[] _samples = new float[RealtimeAudio.FrameSamples];

    /// <summary>
    /// The event for <paramref name="frame"/> (exactly 1920 samples); valid until the next call. A non-finite sample would make
    /// the server refuse the whole append (spec §4 step 6), so it is sent as 0.
    /// </summary>
    public ReadOnlyMemory<byte> Write(ReadOnlySpan<float> frame)
    {
        if (frame.Length != RealtimeAudio.FrameSamples)
        {
            throw new ArgumentException($"A PersonaPlex frame is {RealtimeAudio.FrameSamples} samples, got {frame.Length}.", nameof(frame));
        }

        var samples = _samples.AsSpan();
        for (var i = 0; i < samples.Length; i++)
        {
            var value = frame[i];
            samples[i] = float.IsFinite(value) ? value : 0f;
        }

        if (!BitConverter.IsLittleEndian)
        {
            var bits = MemoryMarshal.Cast<float, int>(samples);
            BinaryPrimitives.ReverseEndianness(bits, bits);
        }

        var message = _message.AsSpan();
        Prefix.CopyTo(message);
        var at = Prefix.Length;
        Base64.EncodeToUtf8(MemoryMarshal.AsBytes(samples), message[at..], out _, out var written);
        at += written;
        Suffix.CopyTo(message[at..]);
        return _message.AsMemory(0, at + Suffix.Length);
    }
}
