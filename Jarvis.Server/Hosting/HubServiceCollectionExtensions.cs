using Jarvis.Server.BrowserSatellite;
using Jarvis.Server.Health;
using Jarvis.Server.Mqtt;
using Jarvis.Server.PersonaPlex;
using Jarvis.Server.Reconnect;
using Jarvis.Server.Rooms;
using Jarvis.Server.Satellites;
using Jarvis.Server.Satellites.Enrolment;
using Jarvis.Server.State;
using Jarvis.Server.Status;
using Jarvis.Server.Wake;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Hosting;

/// <summary>Registers the hub: rooms, satellites, MQTT, status and metrics.</summary>
public static class HubServiceCollectionExtensions
{
    public static IServiceCollection AddHub(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<RoomsOptions>().BindConfiguration(RoomsOptions.Section).ValidateDataAnnotations().ValidateOnStart()
            .PostConfigure<IOptions<PersonaPlexOptions>>((rooms, personaPlex) => rooms.ConversationSlots ??= ConversationSlots(personaPlex.Value));
        services.AddOptions<MqttOptions>().BindConfiguration(MqttOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MqttOptions>, MqttOptionsValidator>();
        services.AddOptions<SatellitesOptions>().BindConfiguration(SatellitesOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SatellitesOptions>, SatellitesOptionsValidator>();

        services.AddSingleton<MetricsRegistry>();
        services.AddSingleton<HubMetrics>();
        services.AddSingleton<BackendStatusCache>();
        services.AddSingleton<StatusReport>();
        services.AddHostedService<HubGauges>();

        services.AddSingleton<ConversationCoordinator>();
        services.AddSingleton<IHouseActivity>(sp => sp.GetRequiredService<ConversationCoordinator>());
        services.AddSingleton<SatelliteRegistry>();
        services.AddSingleton<Satellites.Enrolment.ApprovedSatelliteStore>();
        services.AddSingleton<Satellites.Enrolment.SatelliteEnrolment>();
        services.AddSingleton<SatelliteIdGuard>();
        services.AddSingleton<SatelliteLinkDependencies>();
        services.AddSingleton<SatelliteRoomAudio>();
        services.AddSingleton<RoomLeds>();
        services.AddSingleton<ErrorEarcon>();
        services.AddSingleton<IUplinkAudioSink, WakeWordListener>();
        services.TryAddSingleton<IRoomIdleLed, PlainIdleLed>();
        services.AddSingleton<IHubCommandSink, SatelliteCommandSink>();
        services.AddSingleton<IHubCommandSink, MetricsCommandSink>();
        services.AddHostedService<HubCommandDispatcher>();

        services.AddStateDirectory();
        services.TryAddSingleton<Security.ISecretNotice, Security.ConsoleSecretNotice>();
        services.AddSingleton<MqttAccounts>();
        services.AddSingleton<EmbeddedMqttBroker>();
        services.AddHostedService(sp => sp.GetRequiredService<EmbeddedMqttBroker>());
        services.AddReconnectProbe();
        services.AddSingleton<MqttConnection>();
        services.AddSingleton<IBackendReadiness>(sp => sp.GetRequiredService<MqttConnection>());
        services.AddHostedService(sp => sp.GetRequiredService<MqttConnection>());
        services.AddSingleton<MqttHubBridge>();
        services.AddSingleton<IHubCommandSink>(sp => sp.GetRequiredService<MqttHubBridge>());
        services.AddHostedService(sp => sp.GetRequiredService<MqttHubBridge>());
        return services;
    }

    /// <summary>One conversation slot per PersonaPlex session the endpoints serve at once (a bad endpoint fails validation).</summary>
    private static int ConversationSlots(PersonaPlexOptions options) =>
        options.EffectiveEndpointOptions.All(e => e is not null) ? Math.Clamp(options.TotalCapacity, 1, 64) : 1;

    public static WebApplication MapHub(this WebApplication app)
    {
        app.MapSatellites();
        app.MapStatus();
        app.MapSatelliteApi();
        app.MapBrowserSatellite();
        return app;
    }
}
