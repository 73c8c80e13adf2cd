using Jarvis.Server.Speech;
using Jarvis.Server.Tests.Emulators;
using Jarvis.Server.Tests.Emulators.Wyoming;
using Jarvis.Server.Wyoming;

namespace Jarvis.Server.Tests.Speech;

public sealed class WyomingSpeechClientTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private static byte[] Tone(int ms, short amplitude = 8000)
    {
        var samples = 16 * ms;
        var pcm = new byte[samples * 2];
        for (var i = 0; i < samples; i++)
        {
            var s = (short)(amplitude * Math.Sin(2 * Math.PI * 440 * i / 16000.0));
            pcm[2 * i] = (byte)s;
            pcm[(2 * i) + 1] = (byte)(s >> 8);
        }

        return pcm;
    }

    [Fact]
    public async Task Describe_reports_the_asr_models_and_streaming_flag()
    {
        await using var asr = new WyomingAsrEmulator { StreamTranscripts = true };
        asr.Start();

        var info = await WyomingDescriber.DescribeAsync(asr.Uri, CancellationToken.None).WaitAsync(Deadline);

        Assert.True(info.SupportsTranscriptStreaming);
        Assert.Equal("tiny-int8", info.Asr[0].Models[0].Name);
    }

    [Fact]
    public async Task Recognizer_streams_audio_and_returns_the_transcript()
    {
        await using var asr = new WyomingAsrEmulator { Transcript = "turn on the kitchen lights" };
        asr.Start();
        var recognizer = new WyomingSpeechRecognizer(new FixedOptionsMonitor<AsrOptions>(new AsrOptions { Uri = asr.Uri }));
        var audio = Tone(640);

        await using var recognition = await recognizer.StartAsync(AudioFormat.Speech16K, CancellationToken.None);
        for (var offset = 0; offset < audio.Length; offset += 2048)
        {
            await recognition.SendAsync(audio.AsMemory(offset, Math.Min(2048, audio.Length - offset)), CancellationToken.None);
        }

        var text = (await recognition.FinishAsync(CancellationToken.None).WaitAsync(Deadline)).Text;

        Assert.Equal("turn on the kitchen lights", text);
        Assert.Equal(audio, asr.LastAudio);
        Assert.Empty(asr.ProtocolErrors);
        Assert.Equal(["transcribe", "audio-start"], asr.Received.Take(2).Select(e => e.Type));
    }

    [Fact]
    public async Task Streaming_transcript_chunks_arrive_as_partials()
    {
        await using var asr = new WyomingAsrEmulator { StreamTranscripts = true, Transcript = "what time is it" };
        asr.Start();
        var recognizer = new WyomingSpeechRecognizer(new FixedOptionsMonitor<AsrOptions>(new AsrOptions { Uri = asr.Uri }));

        await using var recognition = await recognizer.StartAsync(AudioFormat.Speech16K, CancellationToken.None);
        await recognition.SendAsync(Tone(100), CancellationToken.None);
        var text = (await recognition.FinishAsync(CancellationToken.None).WaitAsync(Deadline)).Text;
        var partials = new List<string>();
        await foreach (var p in recognition.PartialTranscripts.ReadAllAsync().WithCancellation(new CancellationTokenSource(Deadline).Token))
        {
            partials.Add(p);
            if (partials.Count == 4)
            {
                break;
            }
        }

        Assert.Equal("what time is it", text);
        Assert.Equal("what time is it ", partials[^1]);
    }

    [Fact]
    public async Task Partial_transcripts_arrive_while_the_audio_is_still_streaming()
    {
        await using var asr = new WyomingAsrEmulator { StreamTranscripts = true, Transcript = "turn the music down please" };
        asr.Start();
        var recognizer = new WyomingSpeechRecognizer(new FixedOptionsMonitor<AsrOptions>(new AsrOptions { Uri = asr.Uri }));
        await using var recognition = await recognizer.StartAsync(AudioFormat.Speech16K, CancellationToken.None);

        await recognition.SendAsync(Tone(640), CancellationToken.None);
        var first = await recognition.PartialTranscripts.ReadAsync().AsTask().WaitAsync(Deadline);
        var second = await recognition.PartialTranscripts.ReadAsync().AsTask().WaitAsync(Deadline);

        Assert.Equal("turn ", first);
        Assert.Equal("turn the ", second);
        Assert.Equal(new RecognizedSpeech("turn the music down please"), await recognition.FinishAsync(CancellationToken.None).WaitAsync(Deadline));
    }

    [Fact]
    public async Task No_audio_gives_an_empty_transcript()
    {
        await using var asr = new WyomingAsrEmulator { Transcript = "should not be used" };
        asr.Start();
        var recognizer = new WyomingSpeechRecognizer(new FixedOptionsMonitor<AsrOptions>(new AsrOptions { Uri = asr.Uri }));

        await using var recognition = await recognizer.StartAsync(AudioFormat.Speech16K, CancellationToken.None);

        Assert.Equal(new RecognizedSpeech(""), await recognition.FinishAsync(CancellationToken.None).WaitAsync(Deadline));
    }

    [Fact]
    public async Task Asr_emulator_rejects_audio_before_audio_start()
    {
        await using var asr = new WyomingAsrEmulator();
        asr.Start();
        await using var connection = await WyomingConnection.ConnectAsync(asr.Uri, CancellationToken.None);

        await connection.WriteAudioChunkAsync(AudioFormat.Speech16K, 0, Tone(20), CancellationToken.None);
        var reply = await connection.ReadRequiredEventAsync(CancellationToken.None).AsTask().WaitAsync(Deadline);

        Assert.Equal("error", reply.Type);
        Assert.Contains("audio-chunk before audio-start", reply.GetString("text"));
        Assert.Null(await connection.ReadEventAsync(CancellationToken.None).AsTask().WaitAsync(Deadline));
    }

    [Fact]
    public async Task A_malformed_header_makes_the_emulator_drop_the_connection()
    {
        await using var asr = new WyomingAsrEmulator();
        asr.Start();
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(asr.Uri.Host, asr.Uri.Port);
        var stream = tcp.GetStream();

        await stream.WriteAsync("this is not json\n"u8.ToArray());
        var read = await stream.ReadAsync(new byte[16]).AsTask().WaitAsync(Deadline);

        Assert.Equal(0, read);
        Assert.Contains(asr.ProtocolErrors, e => e.Contains("not valid JSON"));
    }

    [Fact]
    public async Task Synthesizer_returns_22050_hz_pcm_of_a_plausible_length()
    {
        await using var tts = new WyomingTtsEmulator();
        tts.Start();
        var synthesizer = new WyomingSpeechSynthesizer(new FixedOptionsMonitor<TtsOptions>(new TtsOptions { Uri = tts.Uri }));
        const string text = "The kitchen lights are on.";

        var chunks = await synthesizer.SynthesizeAsync(text, CancellationToken.None).ToListAsync().AsTask().WaitAsync(Deadline);

        Assert.All(chunks, c => Assert.Equal(new AudioFormat(22050, 2, 1), c.Format));
        var seconds = chunks.Sum(c => c.Pcm.Length) / 44100.0;
        Assert.InRange(seconds, 1.0, 3.0);
        Assert.True(chunks.Count > 10);
    }

    [Fact]
    public async Task Streaming_synthesis_yields_one_audio_stream_per_sentence()
    {
        await using var tts = new WyomingTtsEmulator { SupportsStreaming = true };
        tts.Start();
        var synthesizer = new WyomingSpeechSynthesizer(new FixedOptionsMonitor<TtsOptions>(new TtsOptions { Uri = tts.Uri }));

        var chunks = await synthesizer.SynthesizeStreamingAsync(Pieces("First sentence here.", "Second one!", "And a third."), CancellationToken.None)
            .ToListAsync().AsTask().WaitAsync(Deadline);

        Assert.Equal([0, 1, 2], chunks.Select(c => c.StreamIndex).Distinct());
        Assert.Equal(["First sentence here.", "Second one!", "And a third."], tts.Spoken);
        Assert.Empty(tts.ProtocolErrors);
        Assert.Contains(tts.Received, e => e.Type == "synthesize-stop");
    }

    [Fact]
    public async Task Without_streaming_support_each_piece_is_synthesized_on_its_own()
    {
        await using var tts = new WyomingTtsEmulator { SupportsStreaming = false };
        tts.Start();
        var synthesizer = new WyomingSpeechSynthesizer(new FixedOptionsMonitor<TtsOptions>(new TtsOptions { Uri = tts.Uri }));

        var chunks = await synthesizer.SynthesizeStreamingAsync(Pieces("One.", "Two."), CancellationToken.None)
            .ToListAsync().AsTask().WaitAsync(Deadline);

        Assert.Equal([0, 1], chunks.Select(c => c.StreamIndex).Distinct());
        Assert.Equal(["One.", "Two."], tts.Spoken);
        Assert.DoesNotContain(tts.Received, e => e.Type == "synthesize-start");
    }

    [Fact]
    public async Task Tts_errors_surface_as_exceptions()
    {
        await using var tts = new WyomingTtsEmulator();
        tts.Start();
        var synthesizer = new WyomingSpeechSynthesizer(new FixedOptionsMonitor<TtsOptions>(new TtsOptions { Uri = tts.Uri, Voice = "en_US-missing-low" }));

        var ex = await Assert.ThrowsAsync<WyomingProtocolException>(() => synthesizer.SynthesizeAsync("Hello.", CancellationToken.None).ToListAsync().AsTask().WaitAsync(Deadline));

        Assert.Contains("voice en_US-missing-low not found", ex.Message);
    }

    [Fact]
    public async Task Blank_text_is_never_sent_to_the_tts()
    {
        await using var tts = new WyomingTtsEmulator { SupportsStreaming = true };
        tts.Start();
        var synthesizer = new WyomingSpeechSynthesizer(new FixedOptionsMonitor<TtsOptions>(new TtsOptions { Uri = tts.Uri }));

        var single = await synthesizer.SynthesizeAsync("  ", CancellationToken.None).ToListAsync().AsTask().WaitAsync(Deadline);
        var streamed = await synthesizer.SynthesizeStreamingAsync(Pieces("", " \n"), CancellationToken.None).ToListAsync().AsTask().WaitAsync(Deadline);

        Assert.Empty(single);
        Assert.Empty(streamed);
        Assert.Empty(tts.ProtocolErrors);
        Assert.DoesNotContain(tts.Received, e => e.Type is "synthesize" or "synthesize-start");
    }

    private static async IAsyncEnumerable<string> Pieces(params string[] pieces)
    {
        foreach (var p in pieces)
        {
            await Task.Yield();
            yield return p;
        }
    }
}
