using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jarvis.Server.Health;
using Jarvis.Server.Answering;
using Jarvis.Server.Conversation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jarvis.Server.Tests.Answering;

public sealed class ConversationApiTests : IAsyncLifetime
{
    private readonly string _ratings = Path.Combine(Path.GetTempPath(), $"ratings-{Guid.NewGuid():N}.jsonl");
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration["Routing:RatingsPath"] = _ratings;
        builder.Configuration["Ollama:WarmUpOnStart"] = "false";
        builder.Configuration["Ollama:Url"] = "http://127.0.0.1:9/";
        builder.Configuration["Speech:Asr:Uri"] = "tcp://127.0.0.1:9";
        builder.Services.AddSpeechAndRouting(builder.Configuration);
        _app = builder.Build();
        _app.MapHealth();
        _app.MapConversationApi();
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _http = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        File.Delete(_ratings);
    }

    [Fact]
    public async Task Posting_a_rating_stores_it_as_a_json_line()
    {
        var response = await _http.PostAsJsonAsync("/api/ratings", new { room = "kitchen", stars = 5 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"stars\":5", Assert.Single(File.ReadAllLines(_ratings)));
    }

    [Fact]
    public async Task A_rating_out_of_range_is_a_clear_400()
    {
        var response = await _http.PostAsJsonAsync("/api/ratings", new { room = "kitchen", stars = 9 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("stars", await response.Content.ReadAsStringAsync());
        Assert.False(File.Exists(_ratings));
    }

    [Fact]
    public async Task Health_lists_speech_and_ollama_backends_with_the_address_tried()
    {
        using var doc = JsonDocument.Parse(await _http.GetStringAsync("/health"));
        var backends = doc.RootElement.GetProperty("backends");

        foreach (var name in new[] { "asr", "tts", "wake", "ollama" })
        {
            Assert.False(backends.GetProperty(name).GetProperty("ready").GetBoolean());
        }

        Assert.Contains("tcp://127.0.0.1:9", backends.GetProperty("asr").GetProperty("detail").GetString());
        Assert.Contains("127.0.0.1:9", backends.GetProperty("ollama").GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Recent_turns_are_listed()
    {
        _app.Services.GetRequiredService<TurnLog>().Add(new TurnRecord
        {
            Id = "t1", Room = "kitchen", Mode = TurnMode.Pipeline, Transcript = "hello", StartedAt = DateTimeOffset.UnixEpoch, Handling = "canned",
        });

        var body = await _http.GetStringAsync("/api/turns?count=5");

        Assert.Contains("\"handling\":\"canned\"", body);
    }
}
