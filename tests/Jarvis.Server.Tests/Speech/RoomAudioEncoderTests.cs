using Jarvis.Server.Speech;
using Jarvis.Server.Tests.Emulators;
using Jarvis.Server.Tests.Emulators.Wyoming;
using Jarvis.Server.Wyoming;

namespace Jarvis.Server.Tests.Speech;

public sealed class RoomAudioEncoderTests
{
    [Fact]
    public void Linear_resampler_keeps_duration_and_is_seamless_across_chunks()
    {
        var input = Enumerable.Range(0, 22050).Select(i => (short)(10000 * Math.Sin(2 * Math.PI * 200 * i / 22050.0))).ToArray();
        var whole = new short[30000];
        var pieces = new short[30000];
        var wholeCount = new LinearResampler(22050, 24000).Process(input, whole);
        var chunked = new LinearResampler(22050, 24000);
        var n = 0;
        for (var i = 0; i < input.Length; i += 1000)
        {
            n += chunked.Process(input.AsSpan(i, Math.Min(1000, input.Length - i)), pieces.AsSpan(n));
        }

        Assert.InRange(wholeCount, 23990, 24010);
        Assert.Equal(wholeCount, n);
        Assert.Equal(whole.Take(wholeCount), pieces.Take(n));
    }

    [Fact]
    public async Task Tts_pcm_becomes_20_ms_packets_of_the_same_duration()
    {
        var sink = new RecordingRoomSink();
        using var encoder = new RoomAudioEncoder(new RoomAudioOptions { SampleRate = 24000 });
        var pcm = SpeechLikeSignal.Render("hello world", 22050);

        for (var offset = 0; offset < pcm.Length; offset += 2048)
        {
            await encoder.WriteAsync(new PcmChunk(new AudioFormat(22050, 2, 1), pcm.AsMemory(offset, Math.Min(2048, pcm.Length - offset)), 0), sink, CancellationToken.None);
        }

        await encoder.CompleteAsync(sink, CancellationToken.None);

        var expected = pcm.Length / 2 / 22050.0;
        Assert.InRange(sink.TotalSamples / 24000.0, expected - 0.001, expected + 0.021);
        Assert.Equal(sink.Packets.Count * 480, sink.TotalSamples);
    }

    [Fact]
    public async Task Steady_state_encoding_allocates_nothing_per_frame_in_release()
    {
        var sink = new NullSink();
        using var encoder = new RoomAudioEncoder(new RoomAudioOptions());
        var chunk = new PcmChunk(new AudioFormat(22050, 2, 1), SpeechLikeSignal.Render("warm up text", 22050).AsMemory(0, 2048), 0);
        for (var i = 0; i < 50; i++)
        {
            await encoder.WriteAsync(chunk, sink, CancellationToken.None);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 200; i++)
        {
            await encoder.WriteAsync(chunk, sink, CancellationToken.None);
        }

        var perChunk = (GC.GetAllocatedBytesForCurrentThread() - before) / 200.0;
#if DEBUG
        const double limit = 400; // Debug builds allocate async state machines as classes: one per awaited call.
#else
        const double limit = 16;
#endif
        Assert.True(perChunk < limit, $"{perChunk:0} bytes allocated per 2048-byte chunk ({sink.Packets / 250.0:0.0} frames)");
    }

    private sealed class NullSink : IRoomAudioSink
    {
        public int Packets;

        public string Room => "null";

        public ValueTask SendOpusAsync(ReadOnlyMemory<byte> packet, int samples, CancellationToken cancellationToken)
        {
            Packets++;
            return ValueTask.CompletedTask;
        }

        public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask SendClipAsync(OpusRecording clip, CancellationToken cancellationToken) => clip.ReplayAsync(this, cancellationToken);
    }
}
