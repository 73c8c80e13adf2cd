using MQTTnet;
using MQTTnet.Adapter;
using MQTTnet.Protocol;

namespace Jarvis.Server.Mqtt;

/// <summary>Connecting (options, TLS, last will, resubscribe, republish), stopping, and the log messages of <see cref="MqttConnection"/>.</summary>
public sealed partial class MqttConnection
{
    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(Host, _options.Port)
            .WithClientId($"jarvis-server-{_options.ServerId}")
            .WithKeepAlivePeriod(_options.KeepAlive)
            .WithTimeout(TimeSpan.FromSeconds(5))
            .WithCleanSession();
        if (_accounts.Server is { } account)
        {
            builder.WithCredentials(account.Username, account.Password);
        }

        if (_options.UseTls)
        {
            builder.WithTlsOptions(tls => tls
                .UseTls()
                .WithAllowUntrustedCertificates(_options.AllowUntrustedCertificate)
                .WithIgnoreCertificateChainErrors(_options.AllowUntrustedCertificate)
                .WithCertificateValidationHandler(_options.AllowUntrustedCertificate ? _ => true : null));
        }

        if (LastWill is { } will)
        {
            builder.WithWillTopic(will.Topic).WithWillPayload(will.Payload).WithWillRetain().WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        }

        var result = await _client.ConnectAsync(builder.Build(), cancellationToken).ConfigureAwait(false);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new MqttConnectingFailedException($"broker refused the connection: {result.ResultCode}", null);
        }

        foreach (var filter in _filters.Keys)
        {
            await _client.SubscribeAsync(filter, MqttQualityOfServiceLevel.AtLeastOnce, cancellationToken).ConfigureAwait(false);
        }

        await _publishing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var (topic, payload) in _retained)
            {
                await _client.PublishAsync(Message(topic, payload, retain: true), cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _publishing.Release();
        }

        Interlocked.Increment(ref _connects);
        _lastError = "";
        LogConnected(BrokerUrl, _filters.Count, _retained.Count);
    }

    private static MqttApplicationMessage Message(string topic, string payload, bool retain) =>
        Message(topic, System.Text.Encoding.UTF8.GetBytes(payload), retain);

    private static MqttApplicationMessage Message(string topic, byte[] payload, bool retain) => new MqttApplicationMessageBuilder()
        .WithTopic(topic)
        .WithPayload(payload)
        .WithRetainFlag(retain)
        .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
        .Build();

    [LoggerMessage(Level = LogLevel.Information, Message = "MQTT connected to {Broker} ({Filters} subscriptions, {Retained} retained topics republished)")]
    private partial void LogConnected(string broker, int filters, int retained);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT connection to {Broker} lost; reconnecting")]
    private partial void LogLost(string broker);

    [LoggerMessage(Level = LogLevel.Debug, Message = "MQTT connect to {Broker} failed ({Error}); retrying in {Delay}")]
    private partial void LogConnectFailed(string broker, string error, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "MQTT broker {Broker} rejected the credentials: check Mqtt:Username and Mqtt:Password")]
    private partial void LogRejected(string broker);

    [LoggerMessage(Level = LogLevel.Debug, Message = "MQTT subscribe to {Filter} deferred to the next connect: {Error}")]
    private partial void LogSubscribeDeferred(string filter, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "MQTT publish to {Topic} failed: {Error}")]
    private partial void LogPublishFailed(string topic, string error);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (_client.IsConnected)
        {
            try
            {
                if (LastWill is { } will)
                {
                    await _client.PublishAsync(Message(will.Topic, will.Payload, retain: true), cancellationToken).ConfigureAwait(false);
                }

                await _client.DisconnectAsync(new MqttClientDisconnectOptions(), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException)
            {
                LogPublishFailed("disconnect", ex.Message);
            }
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        _client.Dispose();
        _inbound.Writer.TryComplete();
    }
}
