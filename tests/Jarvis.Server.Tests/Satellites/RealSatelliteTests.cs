using System.Diagnostics;
using Jarvis.Server.Rooms;
using Jarvis.Server.Satellites;
using Jarvis.Server.Tests.Hub;
using Xunit.Abstractions;

namespace Jarvis.Server.Tests.Satellites;

/// <summary>The real satellite program (Jarvis.Satellite) against the real server.</summary>
public sealed class RealSatelliteTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_real_satellite_reconnects_after_a_server_restart_and_obeys_mute_from_mqtt()
    {
        var httpPort = FreePort.Next();
        var server = await HubTestServer.StartAsync(httpPort: httpPort);
        var link = server.LinkUri;
        await using var kitchen = await RealSatellite.StartAsync(link, "kitchen");
        try
        {
            await Eventually.TrueAsync(() => server.Get<SatelliteRegistry>().ByRoom("kitchen") is not null && kitchen.Status.Connected, "the satellite is connected");

            await server.DisposeAsync();
            await Eventually.TrueAsync(() => !kitchen.Status.Connected, "the satellite notices");
            server = await HubTestServer.StartAsync(httpPort: httpPort, mqttPort: server.MqttPort);
            var back = Stopwatch.StartNew();
            await Eventually.TrueAsync(() => server.Get<SatelliteRegistry>().ByRoom("kitchen") is not null, "the satellite is back");
            output.WriteLine($"the real satellite was back {back.ElapsedMilliseconds} ms after the server");

            await using var probe = await Mqtt.MqttProbe.ConnectAsync(server.MqttPort);
            await probe.PublishAsync("jarvis/satellite/kitchen-pi/mute/set", "ON");
            await Eventually.TrueAsync(() => kitchen.Status.Muted, "the satellite is muted from MQTT");
            Assert.True(server.Get<ConversationCoordinator>().IsMuted("kitchen"));
        }
        finally
        {
            await server.DisposeAsync();
        }
    }
}
