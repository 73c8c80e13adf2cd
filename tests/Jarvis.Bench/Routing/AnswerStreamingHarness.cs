using Jarvis.Server.Llm;
using Jarvis.Server.Answering;
using Jarvis.Server.Conversation;
using Jarvis.Server.Routing;
using Jarvis.Server.Speech;
using Jarvis.Server.Tests.Emulators;
using Jarvis.Server.Tests.Emulators.Ollama;
using Jarvis.Server.Tests.Emulators.Wyoming;
using Microsoft.Extensions.Logging.Abstractions;
using OllamaSharp;

namespace Jarvis.Bench.Routing;

/// <summary>
/// <c>harness answer-streaming [--turns 30] [--tts-latency-ms 40] [--token-ms 25] [--streaming-tts true|false]</c>:
/// deep turns through the real pipeline against the Ollama and Wyoming TTS emulators; reports the time from the LLM's
/// first complete sentence to the first Opus packet leaving for the room, and that minus the TTS emulator's own latency
/// (goal ≤ 50 ms), plus end-of-speech → first token / first audio.
/// </summary>
internal static class AnswerStreamingHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var turnsCount = Arg(args, "--turns", 30);
        var ttsLatency = TimeSpan.FromMilliseconds(Arg(args, "--tts-latency-ms", 40));
        var tokenDelay = TimeSpan.FromMilliseconds(Arg(args, "--token-ms", 25));
        var streamingTts = !args.Contains("--streaming-tts") || args[Array.IndexOf(args, "--streaming-tts") + 1] != "false";

        await using var ollama = await new OllamaEmulator { TokenDelay = tokenDelay }.StartAsync();
        ollama.Answer = body => "Here is the first sentence of the answer. A second sentence follows with more detail. And a third one closes it.";
        await using var tts = new WyomingTtsEmulator { SupportsStreaming = streamingTts, Latency = ttsLatency };
        tts.Start();

        var routing = new FixedOptionsMonitor<RoutingOptions>(new RoutingOptions { CacheTtl = TimeSpan.Zero, RatingsPath = Path.GetTempFileName() });
        var turnLog = new TurnLog();
        var speech = new RoomSpeech(new WyomingSpeechSynthesizer(new FixedOptionsMonitor<TtsOptions>(new TtsOptions { Uri = tts.Uri })), new FixedOptionsMonitor<RoomAudioOptions>(new RoomAudioOptions()), TimeProvider.System);
        var pipeline = new AnswerTurn(
            new Jarvis.Server.Speech.Transcripts.TranscriptFilter(new FixedOptionsMonitor<Jarvis.Server.Speech.Transcripts.TranscriptFilterOptions>(new())),
            new ComplexityRouter(routing),
            new Jarvis.Server.Tests.Answering.ScriptedHomeEngine(), // nothing here is the home's
            new HomeVoice(speech, new ConfirmationEarcon(Microsoft.Extensions.Options.Options.Create(new RoomAudioOptions())), new FixedOptionsMonitor<ConversationModeOptions>(new ConversationModeOptions())),
            new OllamaChat(new OllamaApiClient(OllamaHttpClient.Create(ollama.Url)), new ConversationHistory(), new FixedOptionsMonitor<OllamaOptions>(new OllamaOptions { Url = ollama.Url, HistoryTurns = 0 }), TimeProvider.System, NullLogger<OllamaChat>.Instance),
            speech,
            new AnswerCache(routing, TimeProvider.System),
            new RatingStore(routing, new Jarvis.Server.State.StateDirectory(
                Microsoft.Extensions.Options.Options.Create(new Jarvis.Server.State.StateOptions { Directory = BenchSecrets.NewStateDirectory() }),
                NullLogger<Jarvis.Server.State.StateDirectory>.Instance), turnLog, TimeProvider.System, NullLogger<RatingStore>.Instance),
            turnLog,
            TimeProvider.System,
            NullLogger<AnswerTurn>.Instance);

        var sentenceToAudio = new List<double>();
        var toToken = new List<double>();
        var toAudio = new List<double>();
        for (var i = -3; i < turnsCount; i++)
        {
            var turn = await pipeline.RunAsync(new TurnRequest("bench", $"explain in detail how photosynthesis works, take {i}", TurnMode.Pipeline, TimeProvider.System.GetTimestamp()), new RecordingRoomSink("bench"), CancellationToken.None);
            if (i < 0)
            {
                continue; // warm-up
            }

            if (turn.Handling != "llm" || turn.FirstSentenceToFirstAudio is not { } s)
            {
                Console.Error.WriteLine($"turn {i} did not stream an answer: {turn.Handling} {turn.Error}");
                return 1;
            }

            sentenceToAudio.Add(s.TotalMilliseconds);
            toToken.Add(turn.EndOfSpeechToFirstToken!.Value.TotalMilliseconds);
            toAudio.Add(turn.EndOfSpeechToFirstAudio!.Value.TotalMilliseconds);
        }

        Console.WriteLine($"{turnsCount} deep turns, TTS emulator latency {ttsLatency.TotalMilliseconds:0} ms, token delay {tokenDelay.TotalMilliseconds:0} ms, streaming TTS {streamingTts}");
        Report("first sentence -> first Opus packet to the room", sentenceToAudio);
        Report("  minus the TTS emulator's own latency", [.. sentenceToAudio.Select(v => v - ttsLatency.TotalMilliseconds)]);
        Report("end of speech -> first LLM token", toToken);
        Report("end of speech -> first audio to the room", toAudio);
        return 0;
    }

    private static void Report(string what, List<double> values)
    {
        var sorted = values.Order().ToArray();
        Console.WriteLine($"{what}: p50 {RouterLatencyHarness.Percentile(sorted, 0.5):0.0} ms, p99 {RouterLatencyHarness.Percentile(sorted, 0.99):0.0} ms, max {sorted[^1]:0.0} ms");
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
    }
}
