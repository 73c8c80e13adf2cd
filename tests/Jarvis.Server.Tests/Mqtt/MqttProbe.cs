using System.Buffers;
using System.Text;
using MQTTnet;

namespace Jarvis.Server.Tests.Mqtt;

/// <summary>A plain MQTT client for tests: subscribes, records what arrives, publishes (like Home Assistant would).</summary>
public sealed class MqttProbe : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly List<(string Topic, string Payload, bool Retained)> _received = [];

    private MqttProbe()
    {
        _client.ApplicationMessageReceivedAsync += e =>
        {
            lock (_received)
            {
                _received.Add((e.ApplicationMessage.Topic, Encoding.UTF8.GetString(e.ApplicationMessage.Payload.ToArray()), e.ApplicationMessage.Retain));
            }

            return Task.CompletedTask;
        };
    }

    public static Task<MqttProbe> ConnectAsync(int port, params string[] filters) => ConnectAsAsync(port, null, null, filters);

    /// <summary>Connects with an account (null: anonymous), then subscribes.</summary>
    public static async Task<MqttProbe> ConnectAsAsync(int port, string? username, string? password, params string[] filters)
    {
        var probe = new MqttProbe();
        var options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId($"probe-{Guid.NewGuid():N}");
        if (username is not null)
        {
            options.WithCredentials(username, password);
        }

        var result = await probe._client.ConnectAsync(options.Build());
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"the broker refused the probe: {result.ResultCode}");
        }
        foreach (var filter in filters)
        {
            await probe._client.SubscribeAsync(filter);
        }

        return probe;
    }

    public IReadOnlyList<(string Topic, string Payload, bool Retained)> Received
    {
        get
        {
            lock (_received)
            {
                return _received.ToArray();
            }
        }
    }

    /// <summary>The latest payload on the topic, or null.</summary>
    public string? Latest(string topic) => Received.LastOrDefault(m => m.Topic == topic).Payload;

    public Task PublishAsync(string topic, string payload, bool retain = false) =>
        _client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithRetainFlag(retain).Build());

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }
}
