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
            if (_satelliteByRoom.TryGetValue(room, out var id))
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
            : new ActiveConversation(now, active.Room, _satelliteByRoom.GetValueOrDefault(active.Room), $"{_options.ServerId}-{active.Slot}");
        await _mqtt.PublishAsync(_topics.ActiveConversation, MqttJson.Serialize(payload), retain: true, cancellationToken).ConfigureAwait(false);
    }

    private async Task PublishStateAsync(string id, Func<SatelliteStateEvent, SatelliteStateEvent> change, CancellationToken cancellationToken)
    {
        SatelliteStateEvent state;
        lock (_states)
        {
            var current = _states.GetValueOrDefault(id) ?? new SatelliteStateEvent(id, _satellites.RoomOf(id), LedState.Idle, false, false, _time.GetUtcNow());
            state = change(current) with { Timestamp = _time.GetUtcNow() };
            _states[id] = state;
        }

        await _mqtt.PublishAsync(_topics.SatelliteState(id), MqttJson.Serialize(state), retain: true, cancellationToken).ConfigureAwait(false);
    }

    private async Task PublishDiscoveryAsync(string id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(_options.DiscoveryPrefix))
        {
            return;
        }

        foreach (var config in SatelliteDiscovery.For(_topics, new SatelliteDevice(id, _satellites.RoomOf(id))))
        {
            await _mqtt.PublishAsync(config.Topic, config.Payload, retain: true, cancellationToken).ConfigureAwait(false);
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
