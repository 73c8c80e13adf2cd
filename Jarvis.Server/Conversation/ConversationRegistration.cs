using Jarvis.Server.Rooms;
using Jarvis.Server.Satellites;

namespace Jarvis.Server.Conversation;

/// <summary>Registers the live conversations: one hub sink that runs them (PersonaPlex leg, listening, answers, handoff, pipeline mode).</summary>
public static class ConversationRegistration
{
    public static IServiceCollection AddConversation(this IServiceCollection services)
    {
        services.AddOptions<ConversationTurnOptions>().BindConfiguration(ConversationTurnOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ConversationStageMetrics>();
        services.AddSingleton<ConversationServices>();
        services.AddSingleton<LiveConversations>();
        services.AddSingleton<Conversations>();
        services.AddSingleton<IHubCommandSink>(sp => sp.GetRequiredService<Conversations>());
        services.AddSingleton<IUplinkAudioSink>(sp => sp.GetRequiredService<Conversations>());
        services.AddSingleton<IRoomVoiceObserver>(sp => sp.GetRequiredService<Conversations>());
        return services;
    }
}
