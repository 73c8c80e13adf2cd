using System.Net.Http.Json;
using Jarvis.Protocol.Link;
using Jarvis.Protocol.Link.Messages;
using Jarvis.Server.Hosting;
using Jarvis.Server.Satellites;
using Jarvis.Server.Security;
using Microsoft.Extensions.Configuration;
using Jarvis.Server.Tests.Hub;

namespace Jarvis.Server.Tests.Security;

/// <summary>Satellite tokens: placeholders, weak and shared tokens are refused at start; a wrong token and an unknown id look alike on the wire.</summary>
public sealed class TokenTests
{
    [Theory]
    [InlineData("replace-with-openssl-rand-hex-16", "placeholder")]
    [InlineData("replace-with-another-random-token", "placeholder")]
    [InlineData("0123456789abcdef", "bits of entropy")]
    [InlineData("token-for-kitchen-0123456789", "bits of entropy")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "bits of entropy")]
    [InlineData("", "missing")]
    public void Weak_and_placeholder_tokens_are_refused(string token, string problem) =>
        Assert.Contains(problem, TokenStrength.Problem(token), StringComparison.Ordinal);

    [Fact]
    public void Generated_tokens_pass()
    {
        for (var i = 0; i < 200; i++)
        {
            Assert.Null(TokenStrength.Problem(Secrets.NewToken()));
            Assert.Null(TokenStrength.Problem(Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))));
        }

        Assert.Null(TokenStrength.Problem("k3Vq9ZtR2xLmW8pN4sYb7HcJ6dFgA1eUoQiT5vBnXw0"));
    }

    [Fact]
    public void The_example_configuration_does_not_start_until_its_tokens_are_replaced()
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddJsonFile(FindExample()).Build();
        var satellites = new SatellitesOptions();
        configuration.GetSection(SatellitesOptions.Section).Bind(satellites);

        var result = new SatellitesOptionsValidator().Validate(null, satellites);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith("Satellites:Devices:kitchen-pi:Token is refused (it is the example's placeholder)", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("openssl rand -hex 32", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_same_token_on_two_satellites_is_refused_at_start()
    {
        var shared = HubTestServer.TokenOf("kitchen");
        var error = await Assert.ThrowsAnyAsync<Exception>(() => HubTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Satellites:Devices:hall-pi:Token"] = shared,
        }));

        Assert.Contains("hall-pi and kitchen-pi have the same token", ConfigurationErrors.Describe(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_token_and_an_unknown_satellite_get_the_same_reply_and_neither_is_admitted()
    {
        // Changed by issue 13: both wait for the owner's approval (pending) instead of being rejected, so the wire still does
        // not tell which ids are enrolled; a configured id cannot be approved with another token.
        await using var server = await HubTestServer.StartAsync(TestState.PatientHello());
        await using var wrongToken = await SimulatedSatellite.ConnectAsync(server.LinkUri, "kitchen", token: HubTestServer.TokenOf("hall"));
        await using var unknown = await SimulatedSatellite.ConnectAsync(server.LinkUri, "attic", token: HubTestServer.TokenOf("attic"), id: "attic-pi");

        await Eventually.TrueAsync(() => wrongToken.Last<PendingMessage>() is not null && unknown.Last<PendingMessage>() is not null, "both wait");

        var first = wrongToken.Last<PendingMessage>()!;
        var second = unknown.Last<PendingMessage>()!;
        Assert.Equal(first.KeepaliveMs, second.KeepaliveMs);
        Assert.Equal(first.Message.Replace("kitchen-pi", "X", StringComparison.Ordinal).Replace(first.PairingCode, "C", StringComparison.Ordinal),
            second.Message.Replace("attic-pi", "X", StringComparison.Ordinal).Replace(second.PairingCode, "C", StringComparison.Ordinal));
        Assert.Null(wrongToken.Last<WelcomeMessage>());
        Assert.Null(unknown.Last<WelcomeMessage>());
        Assert.Equal(0, server.Get<Jarvis.Server.Satellites.SatelliteRegistry>().Count);
        using var http = server.ApiClient();
        using var approve = await http.PostAsJsonAsync("/api/satellites/kitchen-pi/approve", new { });
        Assert.Equal(System.Net.HttpStatusCode.Conflict, approve.StatusCode);
        Assert.Contains("configured in the server's jarvis.json", await approve.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string FindExample()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "docs", "jarvis.example.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("docs/jarvis.example.json not found above the test directory");
    }
}
