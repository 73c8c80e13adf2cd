using System.Net;
using System.Net.Http.Json;
using Jarvis.Server.Tests.Hub;

namespace Jarvis.Server.Tests.Security;

/// <summary>The HTTP attacks of issue 12 replayed against the real server: no token, DNS rebinding, huge bodies, foreign rooms.</summary>
public sealed class HttpApiAttackTests : IAsyncLifetime
{
    private HubTestServer _server = null!;

    public async Task InitializeAsync() => _server = await HubTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("/api/turns")]
    [InlineData("/api/status")]
    [InlineData("/metrics")]
    [InlineData("/no-such-page")]
    public async Task Without_the_token_nothing_but_health_and_the_sign_in_page_answers(string path)
    {
        using var anonymous = new HttpClient { BaseAddress = _server.BaseUri };
        using var wrong = new HttpClient { BaseAddress = _server.BaseUri };
        wrong.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "0123456789abcdef0123456789abcdef");

        using var none = await anonymous.GetAsync(path);
        using var bad = await wrong.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        Assert.Contains("Authorization: Bearer", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);
        var page = await anonymous.GetStringAsync("/");
        Assert.Contains("Enter the API token", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/api/status", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Posting_a_rating_without_the_token_is_refused_and_writes_nothing()
    {
        using var anonymous = new HttpClient { BaseAddress = _server.BaseUri };

        using var response = await anonymous.PostAsJsonAsync("/api/ratings", new { room = "kitchen", stars = 1 });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(File.Exists(Path.Combine(_server.StateDirectory, "ratings.jsonl")));
    }

    [Fact]
    public async Task A_five_megabyte_room_name_is_refused_before_it_is_read()
    {
        // Expect: 100-continue, so that the server's early 413 is read instead of racing the upload (a broken pipe).
        using var handler = new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(30) };
        using var http = new HttpClient(handler) { BaseAddress = _server.BaseUri };
        var body = $"{{\"room\":\"{new string('a', 5 * 1024 * 1024)}\",\"stars\":5}}";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ratings")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestState.ApiToken);
        request.Headers.ExpectContinue = true;

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.False(File.Exists(Path.Combine(_server.StateDirectory, "ratings.jsonl")));
    }

    [Fact]
    public async Task A_foreign_host_name_is_refused_against_dns_rebinding()
    {
        using var http = _server.ApiClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/turns");
        request.Headers.Host = "attacker.example";

        using var rebound = await http.SendAsync(request);
        using var local = await http.GetAsync("/api/turns");

        Assert.Equal(HttpStatusCode.BadRequest, rebound.StatusCode);
        Assert.Equal(HttpStatusCode.OK, local.StatusCode);
    }

    [Fact]
    public async Task Satellites_may_know_the_server_by_any_name()
    {
        using var http = new HttpClient { BaseAddress = _server.BaseUri };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/link/v1");
        request.Headers.Host = "jarvis-server.lan";

        using var response = await http.SendAsync(request);

        // The link endpoint's own answer to a plain GET (not the host filter's): satellites authenticate in the hello.
        Assert.Contains("connect with a WebSocket", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_in_sets_an_http_only_strict_cookie_that_opens_the_api_and_not_the_token_itself()
    {
        using var handler = new HttpClientHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var browser = new HttpClient(handler) { BaseAddress = _server.BaseUri };

        using var wrong = await browser.PostAsync("/login", new FormUrlEncodedContent([new("token", "not-the-token")]));
        using var right = await browser.PostAsync("/login", new FormUrlEncodedContent([new("token", TestState.ApiToken)]));

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        var cookie = Assert.Single(right.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(TestState.ApiToken, cookie, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/status")).StatusCode);
        Assert.Contains("setInterval(refresh, 1000)", await browser.GetStringAsync("/"), StringComparison.Ordinal);
    }
}
