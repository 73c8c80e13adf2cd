using Jarvis.Server.Health;
using Jarvis.Server.Mqtt;
using Jarvis.Server.Rooms;
using Jarvis.Server.Satellites;
using Jarvis.Server.Status;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Hosting;

/// <summary>Registers the hub: rooms, satellites, MQTT, status and metrics.</summary>
public static class HubServiceCollectionExtensions
{
    public static IServiceCollection AddHub(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<RoomsOptions>().BindConfiguration(RoomsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MqttOptions>().BindConfiguration(MqttOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MqttOptions>, MqttOptionsValidator>();
        services.AddOptions<SatellitesOptions>().BindConfiguration(SatellitesOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SatellitesOptions>, SatellitesOptionsValidator>();

        services.AddSingleton<MetricsRegistry>();
        services.AddSingleton<HubMetrics>();
        services.AddSingleton<BackendStatusCache>();
        services.AddSingleton<StatusReport>();

        services.AddSingleton<ConversationCoordinator>();
        services.AddSingleton<SatelliteRegistry>();
        services.AddSingleton<SatelliteTokens>();
        services.AddSingleton<IHubCommandSink, SatelliteCommandSink>();
        services.AddSingleton<IHubCommandSink, MetricsCommandSink>();
        services.AddHostedService<HubCommandDispatcher>();

        services.AddSingleton<EmbeddedMqttBroker>();
        services.AddHostedService(sp => sp.GetRequiredService<EmbeddedMqttBroker>());
        services.AddSingleton<MqttConnection>();
        services.AddSingleton<IBackendReadiness>(sp => sp.GetRequiredService<MqttConnection>());
        services.AddHostedService(sp => sp.GetRequiredService<MqttConnection>());
        return services;
    }

    public static IEndpointRouteBuilder MapHub(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapStatus();
        return endpoints;
    }
}
