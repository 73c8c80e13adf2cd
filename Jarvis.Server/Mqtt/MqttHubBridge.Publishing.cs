using Jarvis.Protocol.Link.Messages;
using Jarvis.Protocol.Mqtt;
using Jarvis.Protocol.Mqtt.Discovery;
using Jarvis.Server.Rooms;

namespace Jarvis.Server.Mqtt;

/// <summary>The retained state topics and Home Assistant discovery of <see cref="MqttHubBridge"/>.</summary>
public sealed partial class MqttHubBridge
{
    private async Task PublishConversationAsync(HubCommand command, CancellationToken cancellationToken)
    {
        var rooms = new List<(string Room, bool Active)> { (command.Room, command.Kind != HubCommandKind.End) };
        if (command.FromRoom is { } from)
        {
            rooms.Add((from, false));
        }

        foreach (var (room, active) in rooms)
        {
            if (SatelliteIn(room) is { } id)
            {
                await _mqtt.PublishAsync(_topics.SatelliteConversation(id), MqttPayloads.OnOff(active), retain: true, cancellationToken).ConfigureAwait(false);
                await PublishStateAsync(id, s => s with { ConversationActive = active }, cancellationToken).ConfigureAwait(false);
            }
        }

        await PublishActiveAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task PublishActiveAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var active = _coordinator.Conversations().FirstOrDefault();
        var payload = active is null
            ? ActiveConversation.None(now)
            : new ActiveConversation(now, active.Room, SatelliteIn(active.Room), $"{_options.ServerId}-{active.Slot}");
        await _mqtt.PublishAsync(_topics.ActiveConversation, MqttJson.Serialize(payload), retain: true, cancellationToken).ConfigureAwait(false);
    }

    private async Task PublishStateAsync(string id, Func<SatelliteStateEvent, SatelliteStateEvent> change, CancellationToken cancellationToken)
    {
        SatelliteStateEvent state;
        lock (_states)
        {
            var current = _states.GetValueOrDefault(id) ?? new SatelliteStateEvent(id, _enrolment.RoomOf(id), LedState.Idle, false, false, _time.GetUtcNow());
            state = change(current) with { Timestamp = _time.GetUtcNow() };
            _states[id] = state;
        }

        await _mqtt.PublishAsync(_topics.SatelliteState(id), MqttJson.Serialize(state), retain: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The enrolled satellite serving the room, or null.</summary>
    private string? SatelliteIn(string room) => _enrolment.Enrolled().FirstOrDefault(s => s.Room == room)?.Id;

    /// <summary>
    /// Brings the retained per-satellite topics in line with the enrolled satellites: a new one (or one moved to another room)
    /// gets its discovery configs, status and state; a removed one has its configs and retained topics cleared, so that
    /// Home Assistant drops its entities.
    /// </summary>
    private async Task SyncDiscoveryAsync(CancellationToken cancellationToken)
    {
        var enrolled = _enrolment.Enrolled().ToDictionary(s => s.Id, s => s.Room, StringComparer.Ordinal);
        foreach (var (id, room) in enrolled)
        {
            if (_discovered.TryGetValue(id, out var published) && published == room)
            {
                continue;
            }

            if (published is not null)
            {
                await PublishDiscoveryAsync(id, published, withdraw: true, cancellationToken).ConfigureAwait(false);
                lock (_states)
                {
                    _states.Remove(id);
                }
            }

            await PublishDiscoveryAsync(id, room, withdraw: false, cancellationToken).ConfigureAwait(false);
            var online = _registry.ByRoom(room) is not null;
            await _mqtt.PublishAsync(_topics.SatelliteStatus(id), online ? MqttPayloads.Online : MqttPayloads.Offline, retain: true, cancellationToken).ConfigureAwait(false);
            await PublishStateAsync(id, s => s, cancellationToken).ConfigureAwait(false);
            _discovered[id] = room;
        }

        foreach (var (id, room) in _discovered.Where(d => !enrolled.ContainsKey(d.Key)).ToArray())
        {
            await PublishDiscoveryAsync(id, room, withdraw: true, cancellationToken).ConfigureAwait(false);
            foreach (var topic in (string[])[_topics.SatelliteStatus(id), _topics.SatelliteState(id), _topics.SatelliteMute(id), _topics.SatelliteConversation(id)])
            {
                await _mqtt.PublishAsync(topic, [], retain: true, cancellationToken).ConfigureAwait(false);
            }

            lock (_states)
            {
                _states.Remove(id);
            }

            _discovered.Remove(id);
        }
    }

    /// <summary>Publishes the satellite's discovery configs, or (withdraw) the empty retained payloads that remove them.</summary>
    private async Task PublishDiscoveryAsync(string id, string room, bool withdraw, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(_options.DiscoveryPrefix))
        {
            return;
        }

        foreach (var config in SatelliteDiscovery.For(_topics, new SatelliteDevice(id, room)))
        {
            await _mqtt.PublishAsync(config.Topic, withdraw ? [] : config.Payload, retain: true, cancellationToken).ConfigureAwait(false);
        }
    }

    private static LedState ToLedState(RoomLed led) => led switch
    {
        RoomLed.Listening => LedState.Listening,
        RoomLed.Waiting => LedState.Thinking,
        RoomLed.Error => LedState.Error,
        RoomLed.Timer => LedState.Timer,
        RoomLed.Countdown => LedState.Countdown,
        _ => LedState.Idle,
    };
}
