using Jarvis.Protocol.Link.Messages;
using Jarvis.Protocol.Mqtt;
using Jarvis.Protocol.Mqtt.Discovery;
using Jarvis.Server.Rooms;
using Jarvis.Server.Satellites;
using Jarvis.Server.Satellites.Enrolment;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Mqtt;

/// <summary>
/// The hub on MQTT: publishes presence, mute, LED/state, the active conversation (retained) and arbitration claims,
/// Home Assistant discovery for every enrolled satellite (configured or approved by the owner, withdrawn when removed); applies
/// mute commands and other servers' claims.
/// </summary>
public sealed partial class MqttHubBridge : BackgroundService, IHubCommandSink
{
    private readonly MqttConnection _mqtt;
    private readonly ConversationCoordinator _coordinator;
    private readonly SatelliteRegistry _registry;
    private readonly SatelliteEnrolment _enrolment;
    private readonly RoomLeds _leds;
    private readonly MqttOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<MqttHubBridge> _logger;
    private readonly MqttTopics _topics;
    /// <summary>The satellites whose discovery is published, with their rooms: touched by StartAsync, then only by the publish loop.</summary>
    private readonly Dictionary<string, string> _discovered = new(StringComparer.Ordinal);
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(5);
    private readonly Dictionary<string, SatelliteStateEvent> _states = new(StringComparer.Ordinal);
    /// <summary>Hub commands to publish, in order; null: the enrolled satellites changed (publish or withdraw discovery).</summary>
    private readonly System.Threading.Channels.Channel<HubCommand?> _outbound =
        System.Threading.Channels.Channel.CreateUnbounded<HubCommand?>(new() { SingleReader = true });

    private readonly IMqttCommandObserver[] _observers;

    public MqttHubBridge(MqttConnection mqtt, ConversationCoordinator coordinator, SatelliteRegistry registry, SatelliteEnrolment enrolment,
        RoomLeds leds, IOptions<MqttOptions> options, TimeProvider time, ILogger<MqttHubBridge> logger, IEnumerable<IMqttCommandObserver>? observers = null)
    {
        _observers = observers?.ToArray() ?? [];
        _mqtt = mqtt;
        _coordinator = coordinator;
        _registry = registry;
        _enrolment = enrolment;
        _leds = leds;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _topics = new MqttTopics(_options.TopicPrefix, string.IsNullOrEmpty(_options.DiscoveryPrefix) ? MqttTopics.DefaultDiscoveryPrefix : _options.DiscoveryPrefix);
        _mqtt.LastWill = (_topics.ServerStatus, MqttPayloads.Offline);
    }

    public int Order => 50;

    public MqttTopics Topics => _topics;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await _mqtt.PublishAsync(_topics.ServerStatus, MqttPayloads.Online, retain: true, cancellationToken).ConfigureAwait(false);
        await PublishActiveAsync(cancellationToken).ConfigureAwait(false);
        await SyncDiscoveryAsync(cancellationToken).ConfigureAwait(false);
        _enrolment.Changed += OnEnrolmentChanged;
        _leds.Shown += OnLedShown;

        await _mqtt.SubscribeAsync(_topics.AllMuteSetCommands, cancellationToken).ConfigureAwait(false);
        await _mqtt.SubscribeAsync(_topics.AllArbitrationClaims, cancellationToken).ConfigureAwait(false);
        foreach (var filter in _observers.SelectMany(o => o.Filters(_topics)).Distinct(StringComparer.Ordinal))
        {
            await _mqtt.SubscribeAsync(filter, cancellationToken).ConfigureAwait(false);
        }

        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _enrolment.Changed -= OnEnrolmentChanged;
        _leds.Shown -= OnLedShown;
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    private void OnEnrolmentChanged() => _outbound.Writer.TryWrite(null);

    /// <summary>What the room's LEDs show (the hub's LED decisions included, resolved: a countdown rather than "idle").</summary>
    private void OnLedShown(string room, RoomLed led) => _outbound.Writer.TryWrite(new HubCommand(HubCommandKind.Led, room, Led: led));

    /// <summary>Queued, never awaited by the dispatcher: a slow or half-open broker must not delay the audio path's decisions.</summary>
    public ValueTask HandleAsync(HubCommand command, CancellationToken cancellationToken)
    {
        if (command.Kind == HubCommandKind.Led)
        {
            // Published from RoomLeds.Shown as the room shows it: the hub's "idle" may be a timer's countdown.
            return ValueTask.CompletedTask;
        }

        _outbound.Writer.TryWrite(command);
        return ValueTask.CompletedTask;
    }

    private async Task PublishAsync(HubCommand? command, CancellationToken cancellationToken)
    {
        if (command is null)
        {
            await SyncDiscoveryAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        var id = SatelliteIn(command.Room);
        switch (command.Kind)
        {
            case HubCommandKind.Claim:
                var claim = new ArbitrationClaim(Guid.NewGuid().ToString("N"), command.Room, id ?? command.Room, Math.Clamp(command.Score, 0, 1), _time.GetUtcNow(), _options.ServerId, command.LevelDbfs);
                await _mqtt.PublishAsync(_topics.ArbitrationClaim(command.Room), MqttJson.Serialize(claim), retain: false, cancellationToken).ConfigureAwait(false);
                break;
            case HubCommandKind.Presence when id is not null:
                await _mqtt.PublishAsync(_topics.SatelliteStatus(id), MqttPayloads.Status(command.State), retain: true, cancellationToken).ConfigureAwait(false);
                break;
            case HubCommandKind.Mute when id is not null:
                await _mqtt.PublishAsync(_topics.SatelliteMute(id), MqttPayloads.OnOff(command.State), retain: true, cancellationToken).ConfigureAwait(false);
                var mutedBy = command.State ? _registry.ByRoom(command.Room)?.MutedBy : null;
                await PublishStateAsync(id, s => s with { Muted = command.State, MutedBy = mutedBy }, cancellationToken).ConfigureAwait(false);
                break;
            case HubCommandKind.Led when id is not null:
                await PublishStateAsync(id, s => s with { Led = ToLedState(command.Led) }, cancellationToken).ConfigureAwait(false);
                break;
            case HubCommandKind.Start or HubCommandKind.Move or HubCommandKind.End:
                await PublishConversationAsync(command, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(ReceiveAsync(stoppingToken), PublishLoopAsync(stoppingToken));

    private async Task PublishLoopAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var command in _outbound.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                timeout.CancelAfter(PublishTimeout);
                try
                {
                    await PublishAsync(command, timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    LogPublishTimeout(command);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task ReceiveAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var message in _mqtt.Messages.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                OnMessage(message);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private void OnMessage(MqttInbound message)
    {
        if (!_topics.TryParse(message.Topic, out var topic))
        {
            return;
        }

        switch (topic.Kind)
        {
            case MqttTopicKind.SatelliteMuteSet when MqttPayloads.TryParseOnOff(message.Payload, out var muted):
                if (_enrolment.IsEnrolled(topic.Id!))
                {
                    var room = _enrolment.RoomOf(topic.Id!);
                    if (!muted && !_options.RemoteUnmute && _registry.ByRoom(room) is { MutedBy: MuteSource.Button, Muted: true })
                    {
                        // A privacy mute: the satellite's own state wins. Say why, and put the retained state back.
                        LogUnmuteRefused(topic.Id!);
                        _outbound.Writer.TryWrite(new HubCommand(HubCommandKind.Mute, room, State: true));
                        break;
                    }

                    LogMuteCommand(topic.Id!, muted);
                    _coordinator.SetMuted(room, muted);
                }

                break;
            case MqttTopicKind.SatelliteMuteSet:
                LogBadPayload(message.Topic);
                break;
            case MqttTopicKind.ArbitrationClaim:
                if (MqttJson.ParseArbitrationClaim(message.Payload) is { } claim)
                {
                    if (claim.ServerId != _options.ServerId)
                    {
                        _coordinator.RemoteClaim(claim.Room, claim.Score, claim.LevelDbfs);
                    }
                }
                else
                {
                    LogBadPayload(message.Topic);
                }

                break;
            default:
                foreach (var observer in _observers)
                {
                    observer.OnCommand(topic, message.Payload);
                }

                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "MQTT: mute {Satellite} {Muted}")]
    private partial void LogMuteCommand(string satellite, bool muted);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT: refused to unmute {Satellite}: it was muted with its button, and only the button lifts that mute (set Mqtt:RemoteUnmute and the satellite's Satellite:Button:AllowRemoteUnmute to let Home Assistant do it)")]
    private partial void LogUnmuteRefused(string satellite);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT: publishing {Command} timed out (broker unresponsive)")]
    private partial void LogPublishTimeout(HubCommand? command);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT: ignored a malformed payload on {Topic}")]
    private partial void LogBadPayload(string topic);
}
