using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jarvis.Server.Answering;
using Jarvis.Server.Conversation;
using Jarvis.Server.Tests.Hub;

namespace Jarvis.Server.Tests.Answering;

/// <summary>The conversation API of the real server (with the API token, as every /api call needs).</summary>
public sealed class ConversationApiTests : IAsyncLifetime
{
    private const string RatingsFile = "ratings.jsonl";
    private HubTestServer _server = null!;
    private HttpClient _http = null!;

    private string RatingsPath => Path.Combine(_server.StateDirectory, RatingsFile);

    public async Task InitializeAsync()
    {
        _server = await HubTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Ollama:WarmUpOnStart"] = "false",
            ["Ollama:Url"] = "http://127.0.0.1:9/",
            ["Speech:Asr:Uri"] = "tcp://127.0.0.1:9",
        });
        _http = _server.ApiClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Posting_a_rating_stores_it_as_a_json_line_in_the_state_directory_readable_only_by_the_owner()
    {
        var response = await _http.PostAsJsonAsync("/api/ratings", new { room = "kitchen", stars = 5 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"stars\":5", Assert.Single(File.ReadAllLines(RatingsPath)));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(RatingsPath));
    }

    [Fact]
    public async Task A_rating_out_of_range_is_a_clear_400()
    {
        var response = await _http.PostAsJsonAsync("/api/ratings", new { room = "kitchen", stars = 9 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("stars", await response.Content.ReadAsStringAsync());
        Assert.False(File.Exists(RatingsPath));
    }

    [Fact]
    public async Task A_rating_for_a_room_that_is_not_enrolled_is_a_400_that_lists_the_rooms()
    {
        var response = await _http.PostAsJsonAsync("/api/ratings", new { room = "attic", stars = 4 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("hall, kitchen, office", await response.Content.ReadAsStringAsync());
        Assert.False(File.Exists(RatingsPath));
    }

    [Fact]
    public async Task Health_lists_speech_and_ollama_backends_with_the_address_tried()
    {
        using var anonymous = new HttpClient { BaseAddress = _server.BaseUri };
        using var doc = JsonDocument.Parse(await anonymous.GetStringAsync("/health"));
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
        _server.Get<TurnLog>().Add(new TurnRecord
        {
            Id = "t1", Room = "kitchen", Mode = TurnMode.Pipeline, Transcript = "hello", StartedAt = DateTimeOffset.UnixEpoch, Handling = "canned",
        });

        var body = await _http.GetStringAsync("/api/turns?count=5");

        Assert.Contains("\"handling\":\"canned\"", body);
    }
}
