using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Jarvis.Protocol.Mqtt;
using Jarvis.Server.Mqtt;
using Jarvis.Server.Satellites.Enrolment;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Announcements;

/// <summary>
/// Announcements over MQTT: <c>{prefix}/announce</c> (JSON <see cref="AnnouncementRequest"/>) and <c>{prefix}/room/{room}/notify</c>
/// (plain text, the command topic of the room's notify entity, published in discovery); the answers of "ask" announcements
/// go to <c>{prefix}/announce/answer</c>. Only Home Assistant's account (and servers) may publish the commands (broker ACL).
/// Every room with an enrolled satellite has a notify entity, published and withdrawn as satellites are approved and removed.
/// </summary>
public sealed partial class MqttAnnouncements(
    MqttConnection mqtt, Announcer announcer, IOptions<MqttOptions> mqttOptions, SatelliteEnrolment enrolment,
    ILogger<MqttAnnouncements> logger) : BackgroundService, IMqttCommandObserver
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };
    private readonly Channel<AnnouncementRequest> _requests = Channel.CreateBounded<AnnouncementRequest>(new BoundedChannelOptions(32) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly MqttTopics _topics = Topics(mqttOptions.Value);
    private readonly Channel<bool> _roomsChanged = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly HashSet<string> _notifyRooms = new(StringComparer.Ordinal);

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
        await SyncNotifyEntitiesAsync(cancellationToken).ConfigureAwait(false);
        enrolment.Changed += OnEnrolmentChanged;
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        enrolment.Changed -= OnEnrolmentChanged;
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    private void OnEnrolmentChanged() => _roomsChanged.Writer.TryWrite(true);

    /// <summary>A notify entity for each room with an enrolled satellite; a room without one any more has its entity removed.</summary>
    private async Task SyncNotifyEntitiesAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(mqttOptions.Value.DiscoveryPrefix))
        {
            return;
        }

        var rooms = enrolment.Enrolled().Select(s => s.Room).ToHashSet(StringComparer.Ordinal);
        foreach (var room in rooms.Where(r => !_notifyRooms.Contains(r)))
        {
            var (topic, payload) = NotifyDiscovery.For(_topics, mqttOptions.Value.ServerId, room);
            await mqtt.PublishAsync(topic, payload.ToJsonString(), retain: true, cancellationToken).ConfigureAwait(false);
            _notifyRooms.Add(room);
        }

        foreach (var room in _notifyRooms.Where(r => !rooms.Contains(r)).ToArray())
        {
            await mqtt.PublishAsync(NotifyDiscovery.For(_topics, mqttOptions.Value.ServerId, room).Topic, [], retain: true, cancellationToken).ConfigureAwait(false);
            _notifyRooms.Remove(room);
        }
    }

    private async Task FollowEnrolmentAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var _ in _roomsChanged.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await SyncNotifyEntitiesAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning("MQTT: could not update the rooms' notify entities: {Error}", ex.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(AnswerRequestsAsync(stoppingToken), FollowEnrolmentAsync(stoppingToken));

    private async Task AnswerRequestsAsync(CancellationToken stoppingToken)
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
