using System.Net.WebSockets;
using System.Text.Json;
using Jarvis.Protocol.Link.Messages;
using Jarvis.Server.Satellites;
using Jarvis.Server.Tests.Hub;

namespace Jarvis.Server.Tests.Security;

/// <summary>A cloned SD card: two devices with one id stop flapping, and the status page and the log say why.</summary>
public sealed class DuplicateIdTests
{
    [Fact]
    public async Task Two_devices_with_one_id_are_reported_and_the_newcomer_backs_off()
    {
        await using var server = await HubTestServer.StartAsync(TestState.PatientHello());
        var devices = new List<SimulatedSatellite>();
        try
        {
            // The two clones keep replacing each other: each reconnect replaces the one connected.
            for (var i = 0; i <= SatelliteIdGuard.MaxReplacements + 1; i++)
            {
                var device = await SimulatedSatellite.ConnectAsync(server.LinkUri, "kitchen");
                devices.Add(device);
                await device.WaitWelcomedAsync();
            }

            var newcomer = await SimulatedSatellite.ConnectAsync(server.LinkUri, "kitchen");
            devices.Add(newcomer);
            await Eventually.TrueAsync(() => newcomer.Closed, "the newcomer is refused");

            Assert.Equal(RejectReason.ServerBusy, newcomer.Last<RejectMessage>()?.Reason);
            Assert.Equal((WebSocketCloseStatus)1013, newcomer.CloseStatus);
            Assert.False(devices[^2].Closed, "the device that was connected keeps its link");
            Assert.Contains(server.Errors.All, l => l.Contains("Two devices share the id kitchen-pi", StringComparison.Ordinal));
            using var http = server.ApiClient();
            using var status = JsonDocument.Parse(await http.GetStringAsync("/api/status"));
            Assert.Contains(status.RootElement.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.StartsWith("two devices share the id kitchen-pi", StringComparison.Ordinal));
        }
        finally
        {
            foreach (var device in devices)
            {
                await device.DisposeAsync();
            }
        }
    }

    [Fact]
    public void A_satellite_that_reconnects_now_and_then_is_not_a_duplicate()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var guard = new SatelliteIdGuard(time, Microsoft.Extensions.Logging.Abstractions.NullLogger<SatelliteIdGuard>.Instance);

        for (var i = 0; i < 10; i++)
        {
            Assert.True(guard.MayConnect("kitchen-pi", heldByAnother: true, "x"));
            guard.Replaced("kitchen-pi");
            time.Advance(TimeSpan.FromSeconds(11));
        }

        Assert.Empty(guard.Warnings());
    }

    [Fact]
    public void The_back_off_ends_and_a_lone_device_is_never_refused()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var guard = new SatelliteIdGuard(time, Microsoft.Extensions.Logging.Abstractions.NullLogger<SatelliteIdGuard>.Instance);
        for (var i = 0; i <= SatelliteIdGuard.MaxReplacements; i++)
        {
            guard.Replaced("kitchen-pi");
        }

        Assert.False(guard.MayConnect("kitchen-pi", heldByAnother: true, "x"));
        Assert.True(guard.MayConnect("kitchen-pi", heldByAnother: false, "x"));
        time.Advance(SatelliteIdGuard.Backoff);
        Assert.True(guard.MayConnect("kitchen-pi", heldByAnother: true, "x"));
        Assert.Single(guard.Warnings());
    }
}
