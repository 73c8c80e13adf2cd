using Jarvis.Server.Llm;
using Jarvis.Server.Answering;
using Jarvis.Server.Conversation;
using Jarvis.Server.Routing;
using Jarvis.Server.Speech;
using Jarvis.Server.Speech.Transcripts;
using Jarvis.Server.Tests.Emulators;
using Jarvis.Server.Tests.Emulators.Ollama;
using Jarvis.Server.Tests.Emulators.Wyoming;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OllamaSharp;

namespace Jarvis.Server.Tests.Answering;

/// <summary>
/// Ollama, Wyoming TTS and ASR emulators plus an <see cref="AnswerTurn"/> wired to them with the real components; a scripted
/// home engine (<see cref="Home"/>) decides which transcripts are the home's (the real engine has its own tests).
/// </summary>
public sealed class AnswerEnvironment : IAsyncDisposable
{
    private AnswerEnvironment(OllamaEmulator ollama, WyomingTtsEmulator tts, WyomingAsrEmulator asr, string ratingsPath)
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
        var speech = new RoomSpeech(synthesizer, new FixedOptionsMonitor<RoomAudioOptions>(new RoomAudioOptions()), TimeProvider.System);
        Turn = new AnswerTurn(
            new TranscriptFilter(new FixedOptionsMonitor<TranscriptFilterOptions>(new TranscriptFilterOptions())),
            new ComplexityRouter(routing),
            Home,
            new HomeVoice(speech, new ConfirmationEarcon(Options.Create(new RoomAudioOptions())), ModeOptions),
            new OllamaChat(new OllamaApiClient(OllamaHttpClient.Create(ollama.Url)), new ConversationHistory(), ollamaOptions, TimeProvider.System, NullLogger<OllamaChat>.Instance),
            speech,
            Cache,
            new RatingStore(routing, State, Turns, TimeProvider.System, NullLogger<RatingStore>.Instance),
            Turns,
            TimeProvider.System,
            NullLogger<AnswerTurn>.Instance);
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

    public ScriptedHomeEngine Home { get; } = new();

    /// <summary>The <c>Conversation</c> options the turn reads (e.g. <see cref="ConversationModeOptions.HomeConfirmation"/>).</summary>
    public ConversationModeOptions Mode { get; } = new();

    private FixedOptionsMonitor<ConversationModeOptions> ModeOptions => new(Mode);

    public TurnLog Turns { get; } = new();

    public AnswerCache Cache { get; }

    public AnswerTurn Turn { get; }

    public static async Task<AnswerEnvironment> StartAsync(bool streamingTts = true)
    {
        var ollama = await new OllamaEmulator().StartAsync();
        var tts = new WyomingTtsEmulator { SupportsStreaming = streamingTts };
        tts.Start();
        var asr = new WyomingAsrEmulator();
        asr.Start();
        return new AnswerEnvironment(ollama, tts, asr, Path.Combine(Path.GetTempPath(), $"ratings-{Guid.NewGuid():N}.jsonl"));
    }

    public async ValueTask DisposeAsync()
    {
        await Ollama.DisposeAsync();
        await Tts.DisposeAsync();
        await Asr.DisposeAsync();
        File.Delete(RatingsPath);
    }
}
