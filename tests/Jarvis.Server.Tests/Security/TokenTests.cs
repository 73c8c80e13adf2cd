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
    public async Task A_wrong_token_and_an_unknown_satellite_get_the_same_reply_and_the_log_keeps_the_detail()
    {
        await using var server = await HubTestServer.StartAsync(TestState.PatientHello());
        await using var wrongToken = await SimulatedSatellite.ConnectAsync(server.LinkUri, "kitchen", token: HubTestServer.TokenOf("hall"));
        await using var unknown = await SimulatedSatellite.ConnectAsync(server.LinkUri, "attic", token: HubTestServer.TokenOf("attic"), id: "attic-pi");

        await Eventually.TrueAsync(() => wrongToken.Closed && unknown.Closed, "both are closed");

        var first = Assert.IsType<RejectMessage>(Assert.Single(wrongToken.Messages));
        var second = Assert.IsType<RejectMessage>(Assert.Single(unknown.Messages));
        Assert.Equal(first, second);
        Assert.Equal(RejectReason.BadToken, first.Reason);
        Assert.Equal(LinkCloseCodes.AuthenticationFailed, (int?)wrongToken.CloseStatus);
        Assert.Equal(LinkCloseCodes.AuthenticationFailed, (int?)unknown.CloseStatus);
        Assert.Contains(server.Errors.All, l => l.Contains("the token does not match Satellites:Devices:kitchen-pi:Token", StringComparison.Ordinal));
        Assert.Contains(server.Errors.All, l => l.Contains("'attic-pi' is not enrolled", StringComparison.Ordinal));
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
