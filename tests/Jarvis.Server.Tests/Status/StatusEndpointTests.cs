using System.Text.Json;
using Jarvis.Server.Tests.Hub;
using Jarvis.Server.Tests.Soak;
using Jarvis.Server.Timers;
using Jarvis.Server.Timers.Grammar;

namespace Jarvis.Server.Tests.Status;

public sealed class StatusEndpointTests : IAsyncLifetime
{
    private HubTestServer _server = null!;

    public async Task InitializeAsync() => _server = await HubTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_status_page_is_html_that_polls_the_status_api()
    {
        using var http = _server.ApiClient();
        using var response = await http.GetAsync("/");

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("fetch(\"/api/status\"", html, StringComparison.Ordinal);
        Assert.Contains("setInterval(refresh, 1000)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_status_api_lists_rooms_conversations_backends_timers_and_latencies()
    {
        await using var kitchen = await SimulatedSatellite.ConnectAsync(_server.LinkUri, "kitchen");
        await kitchen.WaitWelcomedAsync();
        await kitchen.MuteAsync(true);
        var book = _server.Get<TimerBook>();
        book.Start("kitchen", new SpokenDuration(0, 5, 0), "pizza");
        book.Pause(book.Start("kitchen", new SpokenDuration(1, 0, 0), name: null).Id);
        using var http = _server.ApiClient();

        await Eventually.TrueAsync(async () =>
        {
            using var status = JsonDocument.Parse(await http.GetStringAsync("/api/status"));
            return status.RootElement.GetProperty("rooms").EnumerateArray().Any(r => r.GetProperty("room").GetString() == "kitchen" && r.GetProperty("muted").GetBoolean());
        }, "the kitchen shows as muted");

        using var document = JsonDocument.Parse(await http.GetStringAsync("/api/status"));
        var root = document.RootElement;
        Assert.Equal(JsonValueKind.Array, root.GetProperty("conversations").ValueKind);
        Assert.True(root.GetProperty("backends").TryGetProperty("mqtt", out _));
        Assert.True(root.GetProperty("backends").TryGetProperty("personaplex", out var personaPlex));
        Assert.False(personaPlex.GetProperty("ready").GetBoolean());
        Assert.Contains("ws://localhost:8998", personaPlex.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains(root.GetProperty("latencies").EnumerateArray(), l => l.GetProperty("name").GetString() == "jarvis_duplex_latency_seconds");
        var timers = root.GetProperty("rooms").EnumerateArray().Single(r => r.GetProperty("room").GetString() == "kitchen").GetProperty("timers")
            .EnumerateArray().ToDictionary(t => t.GetProperty("label").GetString()!);
        Assert.Equal(["1 hour timer", "pizza timer"], timers.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("pizza", "running"), (timers["pizza timer"].GetProperty("name").GetString(), timers["pizza timer"].GetProperty("state").GetString()));
        Assert.InRange(timers["pizza timer"].GetProperty("secondsLeft").GetInt32(), 200, 300);
        Assert.Equal((JsonValueKind.Null, "paused"), (timers["1 hour timer"].GetProperty("name").ValueKind, timers["1 hour timer"].GetProperty("state").GetString()));
        Assert.InRange(timers["1 hour timer"].GetProperty("secondsLeft").GetInt32(), 3500, 3600);
    }

    [Fact]
    public async Task Metrics_are_prometheus_text()
    {
        await using var kitchen = await SimulatedSatellite.ConnectAsync(_server.LinkUri, "kitchen");
        await kitchen.WaitWelcomedAsync();
        using var http = _server.ApiClient();
        GC.Collect(); // the GC gauges describe the last collection: make sure there was one

        using var response = await http.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("version=0.0.4", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        Assert.Contains("\njarvis_satellites_connected 1\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE jarvis_duplex_latency_seconds histogram", text, StringComparison.Ordinal);
        Assert.Contains("jarvis_duplex_latency_seconds_bucket{direction=\"uplink\",le=\"+Inf\"}", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE jarvis_dotnet_gc_committed_bytes gauge", text, StringComparison.Ordinal);
        Assert.True(ResourceSampler.Metric(text, "jarvis_dotnet_gc_committed_bytes") > 0, "the GC's committed bytes are exposed and positive");
        Assert.True(ResourceSampler.Metric(text, "jarvis_dotnet_live_heap_after_full_gc_bytes") > 0, "GC.Collect() was a full collection: its live bytes are exposed");
    }
}
