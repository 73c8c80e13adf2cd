using MQTTnet.Adapter;
using MQTTnet.Diagnostics.Logger;
using MQTTnet.Server;

namespace Jarvis.Server.Mqtt.Broker;

/// <summary>
/// The broker's TCP listener with every client connection wrapped in a <see cref="ClientIdAssigningChannelAdapter"/>
/// (MQTTnet assigns ids to MQTT 5 clients only; mosquitto gives one to MQTT 3.1.1 clients with a clean session too).
/// </summary>
internal sealed class ClientIdAssigningServerAdapter(IMqttServerAdapter inner) : IMqttServerAdapter
{
    private Func<IMqttChannelAdapter, Task>? _handler;

    public Func<IMqttChannelAdapter, Task>? ClientHandler
    {
        get => _handler;
        set
        {
            _handler = value;
            inner.ClientHandler = value is null ? null : channel => value(new ClientIdAssigningChannelAdapter(channel));
        }
    }

    public Task StartAsync(MqttServerOptions options, IMqttNetLogger logger) => inner.StartAsync(options, logger);

    public Task StopAsync() => inner.StopAsync();

    public void Dispose() => inner.Dispose();
}
