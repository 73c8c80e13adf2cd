using Jarvis.Protocol.Mqtt;
using Jarvis.Server.Mqtt;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Timers;

/// <summary>
/// Keeps Home Assistant's view of the timers: on every change a discovery config and a retained state per active timer, and
/// empty retained payloads for the timers that are gone (Home Assistant then removes their sensors).
/// </summary>
public sealed class MqttTimers(TimerBook book, MqttConnection mqtt, IOptions<MqttOptions> options, TimeProvider time, ILogger<MqttTimers> logger) : BackgroundService
{
    private readonly HashSet<string> _published = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var topics = new MqttTopics(settings.TopicPrefix, string.IsNullOrEmpty(settings.DiscoveryPrefix) ? MqttTopics.DefaultDiscoveryPrefix : settings.DiscoveryPrefix);
        try
        {
            await foreach (var _ in book.Changes.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await PublishAsync(topics, settings.ServerId, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task PublishAsync(MqttTopics topics, string serverId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var timers = book.All();
        try
        {
            foreach (var timer in timers)
            {
                if (_published.Add(timer.Id))
                {
                    await mqtt.PublishAsync(TimerDiscovery.ConfigTopic(topics, serverId, timer.Id), TimerDiscovery.Config(topics, serverId, timer).ToJsonString(), retain: true, cancellationToken).ConfigureAwait(false);
                }

                await mqtt.PublishAsync(topics.TimerState(timer.Id), TimerDiscovery.State(timer, now).ToJsonString(), retain: true, cancellationToken).ConfigureAwait(false);
            }

            foreach (var gone in _published.Except(timers.Select(t => t.Id)).ToList())
            {
                await mqtt.PublishAsync(TimerDiscovery.ConfigTopic(topics, serverId, gone), [], retain: true, cancellationToken).ConfigureAwait(false);
                await mqtt.PublishAsync(topics.TimerState(gone), [], retain: true, cancellationToken).ConfigureAwait(false);
                _published.Remove(gone);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "MQTT: could not publish the timers ({Count})", timers.Count);
        }
    }
}
