using System.Buffers;
using Jarvis.Protocol.Ogg;
using Jarvis.Protocol.Opus;

namespace Jarvis.Protocol.Tests.Opus;

/// <summary>Interop with the real opus-tools 0.2 (libopus 1.3.1): our Ogg Opus files play, theirs decode.</summary>
public sealed class OpusToolsInteropTests(SpeechWavFixture speech) : IClassFixture<SpeechWavFixture>
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Our_Ogg_Opus_file_is_decoded_by_opusdec(bool native)
    {
        var source = speech.Speech24k;
        var file = speech.PathOf($"ours-{native}.opus");
        var decodedPath = speech.PathOf($"ours-{native}.wav");
        await File.WriteAllBytesAsync(file, EncodeFile(source, native));

        await ExternalTool.RunAsync("opusdec", "--quiet", "--rate", "24000", file, decodedPath);
        var (rate, decoded) = WavFile.Read(decodedPath);

        Assert.Equal(24000, rate);
        Assert.InRange(decoded.Length, source.Length - 480, source.Length + 480);
        var (correlation, lag) = SignalMath.BestCorrelation(source, decoded, 480, 0);
        Assert.True(correlation > 0.9, $"correlation {correlation:F3} at lag {lag}");
    }

    [Theory]
    [InlineData(24000, false)]
    [InlineData(24000, true)]
    [InlineData(16000, false)]
    public async Task Opusenc_file_is_read_by_our_reader_and_decoded_by_our_decoder(int rate, bool native)
    {
        var file = speech.PathOf($"theirs-{rate}-{native}.opus");
        await ExternalTool.RunAsync("opusenc", "--quiet", "--bitrate", "32", speech.Speech24kPath, file);
        var reader = new OggOpusReader();
        using var decoder = OpusRoundTrip.CreateDecoder(rate, native);
        var pcm = new short[OpusFrameDecoder.MaxSamplesPerPacket(rate)];
        var decoded = new List<short>();

        foreach (var chunk in (await File.ReadAllBytesAsync(file)).Chunk(1000))
        {
            reader.Append(chunk);
            while (reader.TryReadPacket(out var packet) == OggReadStatus.Packet)
            {
                if (!packet.IsHeader)
                {
                    decoded.AddRange(pcm[..decoder.Decode(packet.Data.Span, pcm)]);
                }
            }
        }

        Assert.Null(reader.Error);
        var head = Assert.NotNull(reader.Head);
        Assert.Equal(24000u, head.InputSampleRate);
        var trimmed = decoded.Skip(head.PreSkip * rate / 48000).ToArray();
        var reference = rate == 24000 ? speech.Speech24k : await ResampledAsync(rate);
        Assert.InRange(trimmed.Length, reference.Length, reference.Length + (rate / 50));
        var (correlation, lag) = SignalMath.BestCorrelation(reference, trimmed, rate / 50, 0);
        Assert.True(correlation > 0.9, $"correlation {correlation:F3} at lag {lag}");
    }

    private async Task<short[]> ResampledAsync(int rate)
    {
        var path = speech.PathOf($"speech{rate}.wav");
        await ExternalTool.RunAsync("sox", speech.Speech24kPath, "-r", rate.ToString(System.Globalization.CultureInfo.InvariantCulture), path);
        return WavFile.Read(path).Samples;
    }

    /// <summary>An Ogg Opus file as RFC 7845 wants it: pre-skip = encoder delay, final granule trims the padding.</summary>
    private static byte[] EncodeFile(short[] source, bool native)
    {
        using var encoder = OpusRoundTrip.CreateEncoder(new OpusEncoderOptions { SampleRate = 24000, Bitrate = 32000 }, native);
        var preSkip = encoder.Lookahead * 2;
        var frames = (source.Length + encoder.Lookahead + encoder.FrameSamples - 1) / encoder.FrameSamples;
        var padded = new short[frames * encoder.FrameSamples];
        source.CopyTo(padded, 0);
        var output = new ArrayBufferWriter<byte>();
        var writer = new OggOpusWriter(0x4A524653, new OpusHead(1, 1, (ushort)preSkip, 24000, 0, 0), maxPacketsPerPage: 2);
        writer.WriteHeaders(output);
        var packet = new byte[OpusFrameEncoder.MaxPacketSize];
        for (var frame = 0; frame < frames; frame++)
        {
            var length = encoder.Encode(padded.AsSpan(frame * encoder.FrameSamples, encoder.FrameSamples), packet);
            var increment = frame < frames - 1 ? 960 : preSkip + (source.Length * 2) - writer.Granule;
            writer.WritePacket(packet.AsSpan(0, length), increment, output);
        }

        writer.Flush(output, endOfStream: true);
        return output.WrittenSpan.ToArray();
    }
}
