using MQTTnet.Server;

namespace Jarvis.Server.Tests.Mqtt;

/// <summary>An MQTTnet broker (the same server the embedded mode runs) on 127.0.0.1.</summary>
public sealed class MqttNetBroker : IBrokerFixture
{
    private MqttServer? _server;

    public int Port { get; } = Hub.FreePort.Next();

    public async Task StartAsync()
    {
        var options = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(System.Net.IPAddress.Loopback)
            .WithDefaultEndpointPort(Port)
            .Build();
        _server = new MqttServerFactory().CreateMqttServer(options);
        await _server.StartAsync();
    }

    public async Task StopAsync()
    {
        if (_server is not null)
        {
            await _server.StopAsync();
            _server.Dispose();
            _server = null;
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
