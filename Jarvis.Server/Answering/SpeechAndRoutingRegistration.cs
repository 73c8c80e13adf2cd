using Jarvis.Server.Conversation;
using Jarvis.Server.Health;
using Jarvis.Server.Llm;
using Jarvis.Server.Routing;
using Jarvis.Server.Speech;
using Jarvis.Server.Speech.Transcripts;
using Jarvis.Server.State;
using Jarvis.Server.Wake;
using Jarvis.Server.Wyoming;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OllamaSharp;

namespace Jarvis.Server.Answering;

/// <summary>
/// Registers Wyoming speech (ASR, TTS, wake), the router, Ollama, answer streaming and the answering turn, with options
/// validated at start and readiness for /health (<c>asr</c>, <c>tts</c>, <c>wake</c>, <c>ollama</c>). The turn's home
/// engine (<see cref="HomeAssistant.IHomeEngine"/>) is registered by <c>AddHomeAssistant</c>.
/// </summary>
public static class SpeechAndRoutingRegistration
{
    public static IServiceCollection AddSpeechAndRouting(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddStateDirectory();
        Bind<RoutingOptions>(services, RoutingOptions.Section);
        Bind<AsrOptions>(services, AsrOptions.Section);
        Bind<TranscriptFilterOptions>(services, TranscriptFilterOptions.Section);
        Bind<TtsOptions>(services, TtsOptions.Section);
        Bind<WakeOptions>(services, WakeOptions.Section);
        Bind<RoomAudioOptions>(services, RoomAudioOptions.Section);
        Bind<OllamaOptions>(services, OllamaOptions.Section);
        Bind<ConversationModeOptions>(services, ConversationModeOptions.Section);

        services.AddSingleton<IQueryRouter, ComplexityRouter>();
        services.AddSingleton<ISpeechRecognizer, WyomingSpeechRecognizer>();
        services.AddSingleton<TranscriptFilter>();
        services.AddSingleton<ISpeechSynthesizer, WyomingSpeechSynthesizer>();
        services.AddSingleton<IWakeWordDetector, WyomingWakeWordDetector>();
        services.AddSingleton<IOllamaApiClient>(sp => new OllamaApiClient(OllamaHttpClient.Create(sp.GetRequiredService<IOptions<OllamaOptions>>().Value.Url)));
        services.AddSingleton<ConversationHistory>();
        services.AddSingleton<ILlmChat, OllamaChat>();
        services.AddHostedService<OllamaWarmup>();
        services.AddSingleton<RoomSpeech>();
        services.AddSingleton<AnswerCache>();
        services.AddSingleton<TurnLog>();
        services.AddSingleton<RatingStore>();
        services.AddSingleton<ConfirmationEarcon>();
        services.AddSingleton<HomeVoice>();
        services.AddSingleton<AnswerTurn>();
        services.AddSingleton<TurnModeSelector>();

        services.AddSingleton<IBackendReadiness>(sp => new WyomingReadiness("asr", () => sp.GetRequiredService<IOptionsMonitor<AsrOptions>>().CurrentValue.Uri));
        services.AddSingleton<IBackendReadiness>(sp => new WyomingReadiness("tts", () => sp.GetRequiredService<IOptionsMonitor<TtsOptions>>().CurrentValue.Uri));
        services.AddSingleton<IBackendReadiness>(sp => new WyomingReadiness("wake", () => sp.GetRequiredService<IOptionsMonitor<WakeOptions>>().CurrentValue.Uri));
        services.AddSingleton<IBackendReadiness, OllamaReadiness>();
        return services;
    }

    private static void Bind<T>(IServiceCollection services, string section)
        where T : class =>
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
}
