using Jarvis.Server.Duplex;
using Jarvis.Server.Rooms;
using Jarvis.Server.Satellites;

namespace Jarvis.Server.Conversation;

/// <summary>Registers live turn-taking: transcription beside PersonaPlex, handoff to Ollama, pipeline mode and its fallback.</summary>
public static class ConversationRegistration
{
    public static IServiceCollection AddConversation(this IServiceCollection services)
    {
        services.AddOptions<ConversationTurnOptions>().BindConfiguration(ConversationTurnOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ConversationModes>();
        services.AddSingleton<ConversationStageMetrics>();
        services.AddSingleton<ConversationTurnServices>();
        services.AddSingleton<ConversationTurns>();
        services.AddSingleton<IHubCommandSink>(sp => sp.GetRequiredService<ConversationTurns>());
        services.AddSingleton<IUplinkAudioSink>(sp => sp.GetRequiredService<ConversationTurns>());
        services.AddSingleton<IRoomVoiceObserver>(sp => sp.GetRequiredService<ConversationTurns>());
        return services;
    }
}
