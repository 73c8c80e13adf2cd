using System.Diagnostics;
using System.Text.Json;
using Jarvis.Server.Tests.Hub;
using Xunit.Abstractions;

namespace Jarvis.Server.Tests.Satellites;

public sealed class ServerRestartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task After_a_server_restart_the_satellites_reconnect_and_the_status_page_shows_them()
    {
        var httpPort = FreePort.Next();
        var server = await HubTestServer.StartAsync(httpPort: httpPort);
        var link = server.LinkUri;
        var satellites = HubTestServer.Rooms.Select(room => new ReconnectingSatellite(() => link, room)).ToArray();
        try
        {
            await Eventually.TrueAsync(async () => await OnlineRoomsAsync(server) == 3, "three satellites online");

            await server.DisposeAsync();
            server = await HubTestServer.StartAsync(httpPort: httpPort);
            var back = Stopwatch.StartNew();

            await Eventually.TrueAsync(async () => await OnlineRoomsAsync(server) == 3, "three satellites online again");
            output.WriteLine($"status page showed all satellites {back.ElapsedMilliseconds} ms after the server was back");
            Assert.All(satellites, s => Assert.True(s.Connections >= 2));
        }
        finally
        {
            foreach (var satellite in satellites)
            {
                await satellite.DisposeAsync();
            }

            await server.DisposeAsync();
        }
    }

    private static async Task<int> OnlineRoomsAsync(HubTestServer server)
    {
        using var http = server.ApiClient();
        using var status = JsonDocument.Parse(await http.GetStringAsync("/api/status"));
        return status.RootElement.GetProperty("rooms").EnumerateArray().Count(r => r.GetProperty("online").GetBoolean());
    }
}
