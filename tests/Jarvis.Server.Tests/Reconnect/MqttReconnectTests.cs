using System.Diagnostics;
using Jarvis.Server.Mqtt;
using Jarvis.Server.Tests.Hub;
using Jarvis.Server.Tests.Mqtt;

namespace Jarvis.Server.Tests.Reconnect;

/// <summary>The MQTT client's reconnect loop with the port probe, against a real mosquitto (real sockets, real time).</summary>
public sealed class MqttReconnectTests : IAsyncLifetime
{
    private readonly MosquittoBroker _broker = new() { Username = "jarvis", Password = "s3cret-password" };

    public Task InitializeAsync() => _broker.StartAsync();

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task The_broker_back_during_a_long_backoff_is_reconnected_at_once_and_not_probed_while_connected()
    {
        var probe = new CountingPortProbe(_broker.Port); // the hub's PersonaPlex loop probes its own (absent) server too
        await using var server = await HubTestServer.StartAsync(Settings("s3cret-password", backoff: "00:01:00"), mqttPort: _broker.Port, probe: probe);
        var connection = server.Get<MqttConnection>();
        await Eventually.TrueAsync(() => connection.IsConnected, "connected");
        Assert.Equal(0, probe.Probes);
        var connects = connection.Connects;

        await _broker.StopAsync();
        await Eventually.TrueAsync(() => probe.Refused >= 2, "the loop backs off and probes the closed port");
        await _broker.StartAsync();

        await Eventually.TrueAsync(() => connection.IsConnected && connection.Connects > connects,
            "reconnected long before the one-minute back-off", TimeSpan.FromSeconds(30));
        server.Errors.Errors.Clear(); // the broker's loss is reported
    }

    [Fact]
    public async Task A_broker_that_accepts_but_refuses_the_login_keeps_the_backoff_with_one_probe_per_wait()
    {
        var probe = new CountingPortProbe(_broker.Port); // the hub's PersonaPlex loop probes its own (absent) server too
        await using var server = await HubTestServer.StartAsync(Settings("wrong-password", backoff: "00:00:02"), mqttPort: _broker.Port, probe: probe);

        await Eventually.TrueAsync(() => probe.Probes >= 1, "the first wait probes the port");
        var first = Stopwatch.GetTimestamp();
        await Eventually.TrueAsync(() => probe.Probes >= 5, "two more waits", TimeSpan.FromSeconds(20));

        // Two whole 2 s back-offs lie between the first and the fifth probe (two per wait: the first and a second look a
        // second later): the open port did not cut a wait short (a probe every 250 ms and a reconnect at each: 1 s).
        Assert.True(Stopwatch.GetElapsedTime(first) >= TimeSpan.FromSeconds(3.5), $"5 probes in {Stopwatch.GetElapsedTime(first)}");
        Assert.Equal(0, probe.Refused);
        Assert.False(server.Get<MqttConnection>().IsConnected);
        server.Errors.Errors.Clear(); // the rejected credentials are reported
    }

    private static Dictionary<string, string?> Settings(string password, string backoff) => new()
    {
        ["Mqtt:Mode"] = "External",
        ["Mqtt:Host"] = "127.0.0.1",
        ["Mqtt:Username"] = "jarvis",
        ["Mqtt:Password"] = password,
        ["Mqtt:ReconnectMinDelay"] = backoff,
        ["Mqtt:ReconnectMaxDelay"] = backoff,
        ["Mqtt:ReconnectProbeInterval"] = "00:00:00.250",
    };
}
