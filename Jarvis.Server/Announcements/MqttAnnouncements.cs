using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Jarvis.Protocol.Mqtt;
using Jarvis.Server.Mqtt;
using Jarvis.Server.Satellites;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Announcements;

/// <summary>
/// Announcements over MQTT: <c>{prefix}/announce</c> (JSON <see cref="AnnouncementRequest"/>) and <c>{prefix}/room/{room}/notify</c>
/// (plain text, the command topic of the room's notify entity, published in discovery); the answers of "ask" announcements
/// go to <c>{prefix}/announce/answer</c>. Only Home Assistant's account (and servers) may publish the commands (broker ACL).
/// </summary>
public sealed partial class MqttAnnouncements(
    MqttConnection mqtt, Announcer announcer, IOptions<MqttOptions> mqttOptions, IOptions<SatellitesOptions> satellites,
    ILogger<MqttAnnouncements> logger) : BackgroundService, IMqttCommandObserver
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };
    private readonly Channel<AnnouncementRequest> _requests = Channel.CreateBounded<AnnouncementRequest>(new BoundedChannelOptions(32) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly MqttTopics _topics = Topics(mqttOptions.Value);

    public IReadOnlyList<string> Filters(MqttTopics topics) => [topics.Announce, topics.AllRoomNotify];

    public void OnCommand(MqttTopic topic, byte[] payload)
    {
        AnnouncementRequest? request = null;
        if (topic.Kind == MqttTopicKind.Announce)
        {
            try
            {
                request = JsonSerializer.Deserialize<AnnouncementRequest>(payload, Json);
            }
            catch (JsonException)
            {
                request = null;
            }
        }
        else if (topic.Kind == MqttTopicKind.RoomNotify && topic.Id is { } room && Encoding.UTF8.GetString(payload).Trim() is { Length: > 0 } text)
        {
            request = new AnnouncementRequest { Text = text, Rooms = [room] };
        }
        else
        {
            return;
        }

        if (request is null || !_requests.Writer.TryWrite(request))
        {
            LogRefused(topic.Kind.ToString(), request is null ? "not a JSON announcement" : "too many announcements queued");
        }
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = satellites.Value;
        foreach (var room in options.Devices.Keys.Select(options.RoomOf).Distinct(StringComparer.Ordinal))
        {
            var (topic, payload) = NotifyDiscovery.For(_topics, mqttOptions.Value.ServerId, room);
            await mqtt.PublishAsync(topic, payload.ToJsonString(), retain: true, cancellationToken).ConfigureAwait(false);
        }

        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var running = new List<Task>();
        try
        {
            await foreach (var request in _requests.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                running.RemoveAll(t => t.IsCompleted);
                running.Add(AnnounceAsync(request, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await Task.WhenAll(running).ConfigureAwait(false);
    }

    private async Task AnnounceAsync(AnnouncementRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var result = await announcer.AnnounceAsync(request, cancellationToken).ConfigureAwait(false);
            if (result.Error is { } error)
            {
                LogRefused("announce", error);
            }

            if (request.Ask)
            {
                var answer = new { id = result.Id, room = result.Rooms.FirstOrDefault(), transcript = result.Transcript, answer = result.YesNo, error = result.Error };
                await mqtt.PublishAsync(_topics.AnnounceAnswer, JsonSerializer.Serialize(answer, Json), retain: false, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "MQTT announcement failed");
        }
    }

    private static MqttTopics Topics(MqttOptions options) =>
        new(options.TopicPrefix, string.IsNullOrEmpty(options.DiscoveryPrefix) ? MqttTopics.DefaultDiscoveryPrefix : options.DiscoveryPrefix);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT: refused an announcement on {Kind}: {Reason}")]
    private partial void LogRefused(string kind, string reason);
}
