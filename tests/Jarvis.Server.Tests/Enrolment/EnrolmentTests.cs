using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using Jarvis.Protocol.Link;
using Jarvis.Protocol.Link.Messages;
using Jarvis.Server.Satellites;
using Jarvis.Server.Tests.Hub;

namespace Jarvis.Server.Tests.Enrolment;

/// <summary>Enrolment without editing files: a new satellite waits, the owner approves or rejects it through the API.</summary>
public sealed class EnrolmentTests
{
    private static readonly string GarageToken = HubTestServer.TokenOf("garage");

    [Fact]
    public async Task A_new_satellite_waits_and_is_admitted_on_the_same_link_when_the_owner_approves_it()
    {
        await using var server = await HubTestServer.StartAsync(TestState.PatientHello());
        await using var garage = await SimulatedSatellite.ConnectAsync(server.LinkUri, "garage", GarageToken, "garage-pi");
        await Eventually.TrueAsync(() => garage.Last<PendingMessage>() is not null, "the satellite is told to wait");
        var pending = garage.Last<PendingMessage>()!;
        Assert.Equal(LinkPairing.CodeOf(GarageToken), pending.PairingCode);
        Assert.Contains("approve", pending.Message, StringComparison.Ordinal);

        using var http = server.ApiClient();
        using (var list = JsonDocument.Parse(await http.GetStringAsync("/api/satellites")))
        {
            var waiting = Assert.Single(list.RootElement.GetProperty("pending").EnumerateArray());
            Assert.Equal(("garage-pi", "garage", pending.PairingCode, true),
                (waiting.GetProperty("id").GetString(), waiting.GetProperty("room").GetString(), waiting.GetProperty("pairingCode").GetString(), waiting.GetProperty("waiting").GetBoolean()));
            Assert.StartsWith("127.0.0.1:", waiting.GetProperty("remote").GetString(), StringComparison.Ordinal);
        }

        using var approved = await http.PostAsJsonAsync("/api/satellites/garage-pi/approve", new { pairingCode = pending.PairingCode });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);

        await garage.WaitWelcomedAsync();
        Assert.NotNull(server.Get<SatelliteRegistry>().ByRoom("garage"));
        Assert.False(garage.Closed);
        var stored = await File.ReadAllTextAsync(Path.Combine(server.StateDirectory, "satellites.json"));
        Assert.DoesNotContain(GarageToken, stored, StringComparison.Ordinal);
        Assert.Contains(LinkPairing.HashOf(GarageToken), stored, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(server.StateDirectory, "satellites.json")));
        }

        using var list2 = JsonDocument.Parse(await http.GetStringAsync("/api/satellites"));
        Assert.Empty(list2.RootElement.GetProperty("pending").EnumerateArray());
        Assert.Contains(list2.RootElement.GetProperty("enrolled").EnumerateArray(),
            s => s.GetProperty("id").GetString() == "garage-pi" && s.GetProperty("online").GetBoolean() && s.GetProperty("source").GetString() == "approved");
    }

    [Fact]
    public async Task An_approved_satellite_is_admitted_directly_after_a_server_restart()
    {
        var state = TestState.NewDirectory();
        var settings = new Dictionary<string, string?>(TestState.PatientHello()) { ["State:Directory"] = state };
        try
        {
            await using (var first = await HubTestServer.StartAsync(settings))
            {
                await using var garage = await SimulatedSatellite.ConnectAsync(first.LinkUri, "garage", GarageToken, "garage-pi");
                await Eventually.TrueAsync(() => garage.Last<PendingMessage>() is not null, "the satellite waits");
                using var http = first.ApiClient();
                (await http.PostAsJsonAsync("/api/satellites/garage-pi/approve", new { })).EnsureSuccessStatusCode();
                await garage.WaitWelcomedAsync();
            }

            await using var second = await HubTestServer.StartAsync(settings);
            await using var again = await SimulatedSatellite.ConnectAsync(second.LinkUri, "garage", GarageToken, "garage-pi");
            await again.WaitWelcomedAsync();
            Assert.Null(again.Last<PendingMessage>());
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }

    [Fact]
    public async Task A_rejected_satellite_is_told_so_and_is_refused_when_it_tries_again()
    {
        await using var server = await HubTestServer.StartAsync(TestState.PatientHello());
        await using var garage = await SimulatedSatellite.ConnectAsync(server.LinkUri, "garage", GarageToken, "garage-pi");
        await Eventually.TrueAsync(() => garage.Last<PendingMessage>() is not null, "the satellite waits");
        using var http = server.ApiClient();

        using var rejected = await http.PostAsync("/api/satellites/garage-pi/reject", null);
        Assert.Equal(HttpStatusCode.NoContent, rejected.StatusCode);

        await Eventually.TrueAsync(() => garage.Closed, "the link is closed");
        Assert.Equal((WebSocketCloseStatus)LinkCloseCodes.AuthenticationFailed, garage.CloseStatus);
        Assert.Contains("rejected", garage.Last<RejectMessage>()!.Message, StringComparison.Ordinal);
        await using var retry = await SimulatedSatellite.ConnectAsync(server.LinkUri, "garage", GarageToken, "garage-pi");
        await Eventually.TrueAsync(() => retry.Closed, "the retry is refused");
        Assert.Null(retry.Last<PendingMessage>());
        Assert.Equal(RejectReason.BadToken, retry.Last<RejectMessage>()!.Reason);
        using var list = JsonDocument.Parse(await http.GetStringAsync("/api/satellites"));
        Assert.Empty(list.RootElement.GetProperty("pending").EnumerateArray());
    }

    [Fact]
    public async Task Only_the_api_token_approves_and_a_satellite_token_is_not_one()
    {
        await using var server = await HubTestServer.StartAsync(TestState.PatientHello());
        await using var garage = await SimulatedSatellite.ConnectAsync(server.LinkUri, "garage", GarageToken, "garage-pi");
        await Eventually.TrueAsync(() => garage.Last<PendingMessage>() is not null, "the satellite waits");
        using var anonymous = new HttpClient { BaseAddress = server.BaseUri };
        using var self = new HttpClient { BaseAddress = server.BaseUri };
        self.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", GarageToken);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/satellites/garage-pi/approve", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await self.PostAsJsonAsync("/api/satellites/garage-pi/approve", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/satellites")).StatusCode);
        await garage.SendAsync(new PingMessage(1)); // anything but waiting on the link is a protocol violation
        await Eventually.TrueAsync(() => garage.Closed, "the link is closed");
        Assert.Equal((WebSocketCloseStatus)LinkCloseCodes.ProtocolViolation, garage.CloseStatus);
        Assert.Null(garage.Last<WelcomeMessage>());
    }

    [Fact]
    public async Task The_pending_list_is_bounded_per_address()
    {
        await using var server = await HubTestServer.StartAsync(new Dictionary<string, string?>(TestState.PatientHello()) { ["Satellites:MaxPendingRequests"] = "8" });
        var rooms = new[] { "attic", "cellar", "porch" };
        var satellites = new List<SimulatedSatellite>();
        try
        {
            foreach (var room in rooms)
            {
                satellites.Add(await SimulatedSatellite.ConnectAsync(server.LinkUri, room, HubTestServer.TokenOf(room), $"{room}-pi"));
            }

            await Eventually.TrueAsync(() => satellites[0].Last<PendingMessage>() is not null && satellites[1].Last<PendingMessage>() is not null, "two wait");
            await Eventually.TrueAsync(() => satellites[2].Closed, "the third is refused");
            Assert.Equal((WebSocketCloseStatus)1013, satellites[2].CloseStatus);
            Assert.Equal(RejectReason.ServerBusy, satellites[2].Last<RejectMessage>()!.Reason);
            Assert.Equal(2, server.Get<Jarvis.Server.Satellites.Enrolment.SatelliteEnrolment>().Pending().Count);
        }
        finally
        {
            foreach (var satellite in satellites)
            {
                await satellite.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task The_owner_moves_renames_and_removes_an_approved_satellite()
    {
        await using var server = await HubTestServer.StartAsync(TestState.PatientHello());
        using var http = server.ApiClient();
        await using (var garage = await SimulatedSatellite.ConnectAsync(server.LinkUri, "garage", GarageToken, "garage-pi"))
        {
            await Eventually.TrueAsync(() => garage.Last<PendingMessage>() is not null, "the satellite waits");
            using var taken = await http.PostAsJsonAsync("/api/satellites/garage-pi/approve", new { room = "kitchen" });
            Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
            Assert.Contains("served by 'kitchen-pi'", await taken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            (await http.PostAsJsonAsync("/api/satellites/garage-pi/approve", new { name = "Garage" })).EnsureSuccessStatusCode();
            await garage.WaitWelcomedAsync();

            using var moved = await http.PatchAsJsonAsync("/api/satellites/garage-pi", new { room = "workshop", name = "Workshop" });
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
            await Eventually.TrueAsync(() => garage.Closed, "the moved satellite is asked to reconnect");
        }

        await using var workshop = await SimulatedSatellite.ConnectAsync(server.LinkUri, "garage", GarageToken, "garage-pi");
        await workshop.WaitWelcomedAsync();
        await Eventually.TrueAsync(() => server.Get<SatelliteRegistry>().ByRoom("workshop") is not null, "it serves the workshop");
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PatchAsJsonAsync("/api/satellites/garage-pi", new { room = "Living Room" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await http.DeleteAsync("/api/satellites/kitchen-pi")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync("/api/satellites/garage-pi")).StatusCode);
        await Eventually.TrueAsync(() => workshop.Closed, "the removed satellite is disconnected");
        Assert.Equal((WebSocketCloseStatus)LinkCloseCodes.AuthenticationFailed, workshop.CloseStatus);
        Assert.DoesNotContain("garage-pi", await File.ReadAllTextAsync(Path.Combine(server.StateDirectory, "satellites.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_button_mute_cannot_be_lifted_from_the_page_but_a_remote_mute_can()
    {
        await using var server = await HubTestServer.StartAsync(TestState.PatientHello());
        await using var kitchen = await SimulatedSatellite.ConnectAsync(server.LinkUri, "kitchen");
        await kitchen.WaitWelcomedAsync();
        using var http = server.ApiClient();

        Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync("/api/satellites/kitchen-pi/mute", new { muted = true })).StatusCode);
        await Eventually.TrueAsync(() => kitchen.Last<MuteMessage>() is { Muted: true, Source: MuteSource.Server }, "the server mutes the satellite");
        await kitchen.MuteAsync(true);
        await Eventually.TrueAsync(() => server.Get<SatelliteRegistry>().ByRoom("kitchen") is { MutedBy: MuteSource.Button }, "the button mute is known");

        using var refused = await http.PostAsJsonAsync("/api/satellites/kitchen-pi/mute", new { muted = false });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("only the button", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsJsonAsync("/api/satellites/nobody/mute", new { muted = true })).StatusCode);
    }
}
