using System.Collections.Concurrent;
using Jarvis.Server.Llm;
using Jarvis.Server.Pipeline;
using Jarvis.Server.Routing;
using Jarvis.Server.Speech;
using Jarvis.Server.Tests.Emulators;
using Jarvis.Server.Tests.Emulators.Ollama;
using Jarvis.Server.Tests.Emulators.Wyoming;
using Microsoft.Extensions.Logging.Abstractions;
using OllamaSharp;

namespace Jarvis.Server.Tests.Pipeline;

/// <summary>Ollama, Wyoming TTS and ASR emulators plus a <see cref="PipelineTurn"/> wired to them with the real components.</summary>
public sealed class PipelineEnvironment : IAsyncDisposable
{
    private PipelineEnvironment(OllamaEmulator ollama, WyomingTtsEmulator tts, WyomingAsrEmulator asr, string ratingsPath)
    {
        Ollama = ollama;
        Tts = tts;
        Asr = asr;
        RatingsPath = ratingsPath;
        var routing = new FixedOptionsMonitor<RoutingOptions>(new RoutingOptions { RatingsPath = ratingsPath, CacheTtl = TimeSpan.FromMinutes(5) });
        var ollamaOptions = new FixedOptionsMonitor<OllamaOptions>(new OllamaOptions { Url = ollama.Url, Model = "llama3.1:8b" });
        var synthesizer = new WyomingSpeechSynthesizer(new FixedOptionsMonitor<TtsOptions>(new TtsOptions { Uri = tts.Uri }));
        Recognizer = new WyomingSpeechRecognizer(new FixedOptionsMonitor<AsrOptions>(new AsrOptions { Uri = asr.Uri }));
        Cache = new AnswerCache(routing, TimeProvider.System);
        Turn = new PipelineTurn(
            new ComplexityRouter(routing),
            Home,
            new OllamaChat(new OllamaApiClient(new HttpClient { BaseAddress = ollama.Url }), new ConversationHistory(), ollamaOptions, TimeProvider.System, NullLogger<OllamaChat>.Instance),
            new RoomSpeech(synthesizer, new FixedOptionsMonitor<RoomAudioOptions>(new RoomAudioOptions()), TimeProvider.System),
            Cache,
            new RatingStore(routing, State, Turns, TimeProvider.System, NullLogger<RatingStore>.Instance),
            Turns,
            TimeProvider.System,
            NullLogger<PipelineTurn>.Instance);
    }

    /// <summary>A private state directory (the ratings file itself is <see cref="RatingsPath"/>, an absolute path).</summary>
    public Jarvis.Server.State.StateDirectory State { get; } = new(
        Microsoft.Extensions.Options.Options.Create(new Jarvis.Server.State.StateOptions { Directory = Hub.TestState.NewDirectory() }),
        NullLogger<Jarvis.Server.State.StateDirectory>.Instance);

    public OllamaEmulator Ollama { get; }

    public WyomingTtsEmulator Tts { get; }

    public WyomingAsrEmulator Asr { get; }

    public string RatingsPath { get; }

    public WyomingSpeechRecognizer Recognizer { get; }

    public RecordingHomeHandler Home { get; } = new();

    public TurnLog Turns { get; } = new();

    public AnswerCache Cache { get; }

    public PipelineTurn Turn { get; }

    public static async Task<PipelineEnvironment> StartAsync(bool streamingTts = true)
    {
        var ollama = await new OllamaEmulator().StartAsync();
        var tts = new WyomingTtsEmulator { SupportsStreaming = streamingTts };
        tts.Start();
        var asr = new WyomingAsrEmulator();
        asr.Start();
        return new PipelineEnvironment(ollama, tts, asr, Path.Combine(Path.GetTempPath(), $"ratings-{Guid.NewGuid():N}.jsonl"));
    }

    public async ValueTask DisposeAsync()
    {
        await Ollama.DisposeAsync();
        await Tts.DisposeAsync();
        await Asr.DisposeAsync();
        File.Delete(RatingsPath);
    }

    public sealed class RecordingHomeHandler : IHomeCommandHandler
    {
        public ConcurrentQueue<(string Transcript, string Room)> Calls { get; } = new();

        public Task<HomeCommandResult> HandleAsync(string transcript, string room, CancellationToken cancellationToken)
        {
            Calls.Enqueue((transcript, room));
            return Task.FromResult(new HomeCommandResult(true, "Done, the lights are on."));
        }
    }
}
