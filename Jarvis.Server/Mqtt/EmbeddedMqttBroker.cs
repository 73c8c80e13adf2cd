using Microsoft.Extensions.Options;
using MQTTnet.Server;

namespace Jarvis.Server.Mqtt;

/// <summary>The MQTTnet broker the server runs itself when <c>Mqtt:Mode</c> is Embedded (the default).</summary>
public sealed partial class EmbeddedMqttBroker(IOptions<MqttOptions> options, ILogger<EmbeddedMqttBroker> logger)
    : IHostedService, IAsyncDisposable
{
    private MqttServer? _server;

    public bool Enabled => options.Value.Mode == MqttBrokerMode.Embedded;

    public bool Running => _server?.IsStarted == true;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return;
        }

        var serverOptions = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointPort(options.Value.Port)
            .Build();
        _server = new MqttServerFactory().CreateMqttServer(serverOptions);
        _server.ValidatingConnectionAsync += e =>
        {
            // MQTT lets a client with a clean session leave its id empty for the broker to assign (mosquitto_sub does).
            if (string.IsNullOrEmpty(e.ClientId) && e.CleanSession != false)
            {
                e.AssignedClientIdentifier = $"auto-{Guid.NewGuid():N}";
            }

            return Task.CompletedTask;
        };

        if (!string.IsNullOrEmpty(options.Value.Username))
        {
            // With Mqtt:Username/Password set, the embedded broker admits only that account (Home Assistant uses it too).
            var expectedUser = options.Value.Username;
            var expectedPassword = options.Value.Password ?? "";
            _server.ValidatingConnectionAsync += e =>
            {
                if (!SameSecret(e.UserName, expectedUser) || !SameSecret(e.Password, expectedPassword))
                {
                    e.ReasonCode = MQTTnet.Protocol.MqttConnectReasonCode.BadUserNameOrPassword;
                }

                return Task.CompletedTask;
            };
        }

        try
        {
            await _server.StartAsync().ConfigureAwait(false);
            LogStarted(options.Value.Port);
        }
        catch (Exception ex) when (ex is System.Net.Sockets.SocketException or IOException)
        {
            LogPortTaken(ex, options.Value.Port);
            _server.Dispose();
            _server = null;
        }
    }

    private static bool SameSecret(string? presented, string expected) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(presented ?? "")),
            System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(expected)));

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is { IsStarted: true })
        {
            await _server.StopAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _server?.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded MQTT broker listening on port {Port}")]
    private partial void LogStarted(int port);

    [LoggerMessage(Level = LogLevel.Error, Message = "Embedded MQTT broker could not listen on port {Port}: another broker may already run there. Set Mqtt:Mode to External to use it, or Mqtt:Port to a free port.")]
    private partial void LogPortTaken(Exception ex, int port);
}
