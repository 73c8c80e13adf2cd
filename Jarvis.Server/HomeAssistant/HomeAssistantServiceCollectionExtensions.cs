using Jarvis.Server.Health;
using Jarvis.Server.HomeAssistant.Client;
using Jarvis.Server.HomeAssistant.Conversation;
using Jarvis.Server.HomeAssistant.Execution;
using Jarvis.Server.HomeAssistant.Model;
using Jarvis.Server.HomeAssistant.Scenes;
using Jarvis.Server.HomeAssistant.Summary;
using Jarvis.Server.Reconnect;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.HomeAssistant;

public static class HomeAssistantServiceCollectionExtensions
{
    /// <summary>
    /// Home control: options section <c>HomeAssistant</c>, the live model, the client and its reconnect loop, the home
    /// engine every transcript goes to first (<see cref="IHomeEngine"/>, which also hears the duplex model's words through
    /// <see cref="IModelWordsListener"/>), the persona summary and /health readiness.
    /// </summary>
    public static IServiceCollection AddHomeAssistant(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HomeAssistantOptions>()
            .Bind(configuration.GetSection(HomeAssistantOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(nameof(HomeAssistantClient));
        services.AddSingleton<HomeModel>();
        services.AddSingleton(sp => new HomeAssistantClient(
            sp.GetRequiredService<IOptions<HomeAssistantOptions>>(),
            sp.GetRequiredService<HomeModel>(),
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(HomeAssistantClient)),
            sp.GetRequiredService<TimeProvider>()));
        services.AddReconnectProbe();
        services.AddHostedService<HomeAssistantRunner>();
        services.AddSingleton<IntentExecutor>();
        services.AddSingleton<SceneSaver>();
        services.AddSingleton<CommandRunner>();
        services.AddSingleton<HomeConversation>();
        services.AddSingleton<IHomeEngine>(sp => sp.GetRequiredService<HomeConversation>());
        services.AddSingleton<IModelWordsListener>(sp => sp.GetRequiredService<HomeConversation>());
        services.AddSingleton<HomeSummaryProvider>();
        services.AddSingleton<IBackendReadiness, HomeAssistantReadiness>();
        return services;
    }
}
