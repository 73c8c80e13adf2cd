using Jarvis.Protocol.Mqtt;
using Jarvis.Server.Mqtt.Broker;
using Microsoft.Extensions.Options;
using MQTTnet.Server;
using MQTTnet.Server.Internal.Adapter;

namespace Jarvis.Server.Mqtt;

/// <summary>
/// The MQTTnet broker the server runs itself when <c>Mqtt:Mode</c> is Embedded (the default): listens on loopback unless
/// <c>Mqtt:Listen</c> says otherwise, admits only its accounts (<see cref="MqttAccounts"/>) and lets each publish only
/// what its role may (<see cref="MqttBrokerGuard"/>).
/// </summary>
public sealed partial class EmbeddedMqttBroker(IOptions<MqttOptions> options, MqttAccounts accounts, TimeProvider time, ILogger<EmbeddedMqttBroker> logger)
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

        var o = options.Value;
        MqttListenAddresses.TryParse(o.Listen, out var ipv4, out var ipv6);
        var serverOptions = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(ipv4)
            .WithDefaultEndpointBoundIPV6Address(ipv6)
            .WithDefaultEndpointPort(o.Port)
            .Build();
        _server = new MqttServerFactory().CreateMqttServer(serverOptions, [new ClientIdAssigningServerAdapter(new MqttTcpServerAdapter())]);
        var topics = new MqttTopics(o.TopicPrefix, string.IsNullOrEmpty(o.DiscoveryPrefix) ? MqttTopics.DefaultDiscoveryPrefix : o.DiscoveryPrefix);
        var guard = new MqttBrokerGuard(accounts, o, topics, time, logger);
        _ = accounts.All; // generate the credentials (and show Home Assistant's) before the first client arrives
        _server.ValidatingConnectionAsync += guard.ValidateAsync;
        _server.InterceptingPublishAsync += guard.InterceptPublishAsync;
        _server.ClientDisconnectedAsync += guard.OnDisconnectedAsync;

        try
        {
            await _server.StartAsync().ConfigureAwait(false);
            LogStarted(Describe(ipv4, ipv6), o.Port, string.Join(", ", accounts.All.Select(a => $"{a.Username} ({a.Role})")));
        }
        catch (Exception ex) when (ex is System.Net.Sockets.SocketException or IOException)
        {
            LogPortTaken(ex, o.Port);
            _server.Dispose();
            _server = null;
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var server = Interlocked.Exchange(ref _server, null);
        if (server is null)
        {
            return;
        }

        if (server.IsStarted)
        {
            await server.StopAsync().ConfigureAwait(false);
        }

        server.Dispose();
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);

    private static string Describe(System.Net.IPAddress ipv4, System.Net.IPAddress ipv6) =>
        string.Join(" and ", new[] { ipv4, ipv6 }.Where(a => !a.Equals(System.Net.IPAddress.None)).Select(a => a.ToString()));

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded MQTT broker listening on {Addresses} port {Port}; accounts: {Accounts}; anonymous clients are refused")]
    private partial void LogStarted(string addresses, int port, string accounts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Embedded MQTT broker could not listen on port {Port}: another broker may already run there. Set Mqtt:Mode to External to use it, or Mqtt:Port to a free port.")]
    private partial void LogPortTaken(Exception ex, int port);
}
