using Jarvis.Server.Mqtt;
using Jarvis.Server.Rooms;
using Jarvis.Server.Status;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Satellites;

/// <summary>The services every satellite connection uses, resolved once.</summary>
public sealed class SatelliteLinkDependencies(
    IOptions<SatellitesOptions> options,
    IOptions<RoomsOptions> rooms,
    IOptions<MqttOptions> mqtt,
    Enrolment.SatelliteEnrolment enrolment,
    SatelliteRegistry registry,
    SatelliteIdGuard idGuard,
    ConversationCoordinator coordinator,
    IEnumerable<IUplinkAudioSink> uplink,
    IEnumerable<IRoomVoiceObserver> voiceObservers,
    IEnumerable<IRoomButtonObserver> buttonObservers,
    HubMetrics metrics,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILoggerFactory loggers)
{
    public SatellitesOptions Options { get; } = options.Value;

    public WakeMode WakeMode { get; } = rooms.Value.WakeMode;

    public string ServerId { get; } = mqtt.Value.ServerId;

    public Enrolment.SatelliteEnrolment Enrolment { get; } = enrolment;

    public SatelliteRegistry Registry { get; } = registry;

    public SatelliteIdGuard IdGuard { get; } = idGuard;

    public ConversationCoordinator Coordinator { get; } = coordinator;

    public IUplinkAudioSink[] Uplink { get; } = uplink.ToArray();

    public IRoomVoiceObserver[] VoiceObservers { get; } = voiceObservers.ToArray();

    public IRoomButtonObserver[] ButtonObservers { get; } = buttonObservers.ToArray();

    public HubMetrics Metrics { get; } = metrics;

    public TimeProvider Time { get; } = time;

    /// <summary>Cancelled when the server starts stopping: links are closed with 1001 so satellites reconnect at once.</summary>
    public CancellationToken Stopping { get; } = lifetime.ApplicationStopping;

    public ILogger Logger { get; } = loggers.CreateLogger("Jarvis.Server.Satellites.SatelliteLink");
}
