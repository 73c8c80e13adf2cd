using System.Net;
using System.Net.WebSockets;
using Jarvis.Server.Tests.Hub;

namespace Jarvis.Server.Tests.BrowserSatellite;

/// <summary>The page is served to anyone with a strict content security policy; the link refuses browsers from other origins.</summary>
public sealed class BrowserSatelliteEndpointTests
{
    [Fact]
    public async Task The_page_and_its_scripts_are_served_without_a_token_under_a_strict_policy()
    {
        await using var server = await HubTestServer.StartAsync(TestState.PatientHello());
        using var http = new HttpClient { BaseAddress = server.BaseUri };

        var page = await http.GetAsync("/satellite");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("data-link=\"/link/v1\"", html);
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", page.Headers.GetValues("Content-Security-Policy").Single());

        foreach (var script in new[] { "satellite.js", "link.js", "frames.js", "microphone.js", "speaker.js", "vad.js", "worklets.js" })
        {
            var response = await http.GetAsync($"/satellite/{script}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/satellite/appsettings.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/satellite/satellite.html")).StatusCode); // only through /satellite
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/status")).StatusCode);
    }

    [Theory]
    [InlineData(null, true)]                         // a Pi satellite sends no Origin
    [InlineData("same", true)]                       // the page this server served
    [InlineData("https://jarvis.example:8443", true)] // listed in Satellites:AllowedOrigins
    [InlineData("https://evil.example", false)]
    [InlineData("http://127.0.0.2:1", false)]
    [InlineData("null", false)]                      // sandboxed frames and file:// pages
    public async Task Only_pages_of_this_server_or_listed_origins_may_open_the_link(string? origin, bool allowed)
    {
        await using var server = await HubTestServer.StartAsync(new Dictionary<string, string?>(TestState.PatientHello())
        {
            ["Satellites:AllowedOrigins:0"] = "https://jarvis.example:8443",
        });
        using var socket = new ClientWebSocket();
        if (origin is not null)
        {
            socket.Options.SetRequestHeader("Origin", origin == "same" ? $"http://{server.BaseUri.Authority}" : origin);
        }

        socket.Options.CollectHttpResponseDetails = true;
        var connect = socket.ConnectAsync(server.LinkUri, CancellationToken.None);
        if (allowed)
        {
            await connect;
            Assert.Equal(WebSocketState.Open, socket.State);
        }
        else
        {
            await Assert.ThrowsAsync<WebSocketException>(() => connect);
            Assert.Equal(HttpStatusCode.Forbidden, socket.HttpStatusCode);
        }
    }
}
