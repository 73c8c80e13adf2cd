using System.Collections.Concurrent;
using System.Threading.Channels;
using Jarvis.Server.Health;
using Jarvis.Server.Reconnect;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Adapter;
using MQTTnet.Protocol;

namespace Jarvis.Server.Mqtt;

/// <summary>
/// The server's one MQTT client, kept connected by a supervising loop (MQTTnet 5 has no managed client): capped exponential
/// backoff cut short when the broker's port opens again (<see cref="ReconnectWait"/>), and after every (re)connect it resubscribes and republishes the retained state it owns, so that a broker
/// restart loses neither subscriptions nor mute/presence/active-room state.
/// </summary>
public sealed partial class MqttConnection : BackgroundService, IBackendReadiness
{
    private readonly MqttOptions _options;
    private readonly MqttAccounts _accounts;
    private readonly ILogger<MqttConnection> _logger;
    private readonly ReconnectWait _reconnectWait;
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly ConcurrentDictionary<string, byte> _filters = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> _retained = new(StringComparer.Ordinal);
    private readonly Channel<MqttInbound> _inbound = Channel.CreateUnbounded<MqttInbound>(new() { SingleReader = true });
    private readonly SemaphoreSlim _publishing = new(1, 1);
    private TaskCompletionSource _disconnected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string _lastError = "not connected yet";
    private long _connects;
    private long _dropped;

    public MqttConnection(IOptions<MqttOptions> options, MqttAccounts accounts, TimeProvider time, IPortProbe probe, ILogger<MqttConnection> logger)
    {
        _options = options.Value;
        _accounts = accounts;
        _logger = logger;
        _reconnectWait = new ReconnectWait(Host, _options.Port, _options.ReconnectProbeInterval, time, probe);
        _client.ApplicationMessageReceivedAsync += e =>
        {
            var message = e.ApplicationMessage;
            _inbound.Writer.TryWrite(new MqttInbound(message.Topic, System.Buffers.BuffersExtensions.ToArray(message.Payload), message.Retain));
            return Task.CompletedTask;
        };
        _client.DisconnectedAsync += _ =>
        {
            _disconnected.TrySetResult();
            return Task.CompletedTask;
        };
    }

    public string Name => "mqtt";

    public bool IsConnected => _client.IsConnected;

    /// <summary>Successful connections so far (1 + reconnects).</summary>
    public long Connects => Interlocked.Read(ref _connects);

    /// <summary>Non-retained messages dropped because the broker was unreachable.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public string BrokerUrl => $"{(_options.UseTls ? "mqtts" : "mqtt")}://{Host}:{_options.Port}";

    /// <summary>The external broker's host, or where the embedded broker listens.</summary>
    private string Host => _options.Mode == MqttBrokerMode.Embedded ? Broker.MqttListenAddresses.ClientHost(_options.Listen) : _options.Host;

    /// <summary>Topic and payload the broker publishes (retained) if this server vanishes; set before the host starts.</summary>
    public (string Topic, string Payload)? LastWill { get; set; }

    /// <summary>Messages on subscribed topics, including retained ones replayed by the broker on subscribe.</summary>
    public ChannelReader<MqttInbound> Messages => _inbound.Reader;

    /// <summary>Subscribes now (if connected) and after every reconnect.</summary>
    public async Task SubscribeAsync(string filter, CancellationToken cancellationToken)
    {
        if (_filters.TryAdd(filter, 0) && _client.IsConnected)
        {
            try
            {
                await _client.SubscribeAsync(filter, MqttQualityOfServiceLevel.AtLeastOnce, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or InvalidOperationException)
            {
                LogSubscribeDeferred(filter, ex.Message);
            }
        }
    }

    /// <summary>Publishes; retained state is remembered and republished after a reconnect (an empty retained payload clears it).</summary>
    public ValueTask PublishAsync(string topic, string payload, bool retain, CancellationToken cancellationToken) =>
        PublishAsync(topic, System.Text.Encoding.UTF8.GetBytes(payload), retain, cancellationToken);

    /// <summary>Publishes; retained state is remembered and republished after a reconnect (an empty retained payload clears it).</summary>
    public async ValueTask PublishAsync(string topic, byte[] payload, bool retain, CancellationToken cancellationToken)
    {
        // One publisher at a time, and never during the republish after a reconnect: the broker must end up retaining
        // the latest value, not an older one replayed after it.
        await _publishing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (retain)
            {
                if (payload.Length == 0)
                {
                    _retained.TryRemove(topic, out _);
                }
                else
                {
                    _retained[topic] = payload;
                }
            }

            if (!_client.IsConnected)
            {
                if (!retain)
                {
                    Interlocked.Increment(ref _dropped);
                }

                return;
            }

            await _client.PublishAsync(Message(topic, payload, retain), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or InvalidOperationException)
        {
            Interlocked.Increment(ref _dropped);
            LogPublishFailed(topic, ex.Message);
        }
        finally
        {
            _publishing.Release();
        }
    }

    public Task<BackendStatus> CheckAsync(CancellationToken cancellationToken) => Task.FromResult(
        _client.IsConnected
            ? BackendStatus.Up($"connected to {BrokerUrl}")
            : BackendStatus.Down($"not connected to {BrokerUrl}: {_lastError}"));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = _options.ReconnectMinDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                _disconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                await ConnectAsync(stoppingToken).ConfigureAwait(false);
                delay = _options.ReconnectMinDelay;
                await _disconnected.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
                _lastError = "connection lost";
                LogLost(BrokerUrl);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (MqttConnectingFailedException ex) when (ex.Message.Contains("BadUserNameOrPassword", StringComparison.Ordinal) || ex.Message.Contains("NotAuthorized", StringComparison.Ordinal))
            {
                _lastError = "the broker rejected the credentials";
                LogRejected(BrokerUrl);
                delay = _options.ReconnectMaxDelay;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _lastError = ex.Message;
                LogConnectFailed(BrokerUrl, ex.Message, delay);
            }

            try
            {
                await _reconnectWait.DelayAsync(delay, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.ReconnectMaxDelay.Ticks));
        }
    }
}
