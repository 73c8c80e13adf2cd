using Jarvis.Server.Health;
using Jarvis.Server.Hosting;
using Jarvis.Server.PersonaPlex;
using Jarvis.Server.PersonaPlex.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Tests.PersonaPlex;

public sealed class PersonaPlexConfigurationTests
{
    [Fact]
    public void Defaults_are_the_jarvis_persona_on_the_local_server_in_warm_mode()
    {
        var options = new PersonaPlexOptions();

        Assert.True(new PersonaPlexOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(new Uri("ws://localhost:8998/api/chat"), Assert.Single(options.EffectiveEndpoints));
        Assert.StartsWith("You are Jarvis, a helpful home assistant.", options.TextPrompt);
        Assert.Equal("NATF2.pt", options.Voice);
        Assert.Equal(PersonaPlexMode.Warm, options.Mode);
        Assert.Equal(TimeSpan.FromMinutes(3.5), options.RotateAfter);
    }

    [Theory]
    [InlineData("Url", "http://gpu:8998/api/chat", "ws:// or wss://")]
    [InlineData("Url", "ws://gpu:8998/api/chat?seed=1", "must not carry a query")]
    [InlineData("TextPrompt", " ", "TextPrompt must not be empty")]
    [InlineData("Voice", "", "PersonaPlex:Voice")]
    [InlineData("MaxDrift", "00:00:00", "PersonaPlex:MaxDrift")]
    public void Bad_settings_fail_with_a_message_naming_the_setting(string setting, string value, string message)
    {
        var options = new PersonaPlexOptions();
        var property = typeof(PersonaPlexOptions).GetProperty(setting)!;
        property.SetValue(options, property.PropertyType == typeof(TimeSpan) ? TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : value);

        var result = new PersonaPlexOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(message, result.FailureMessage);
    }

    [Fact]
    public async Task Server_start_fails_at_once_on_an_empty_text_prompt()
    {
        // Validation may fire while the app is built (a service resolved when endpoints are mapped) or at start.
        var error = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var app = ServerApp.Build(Hub.TestState.Arguments("--PersonaPlex:TextPrompt=", "--urls=http://127.0.0.1:0"));
            await app.StartAsync();
        });

        Assert.Contains("PersonaPlex:TextPrompt", error.Message);
    }

    [Fact]
    public async Task Health_reports_personaplex_not_ready_with_the_url_it_tried()
    {
        await using var app = ServerApp.Build(Hub.TestState.Arguments("--PersonaPlex:Url=ws://127.0.0.1:9/api/chat"));
        var readiness = app.Services.GetServices<IBackendReadiness>().Single(b => b.Name == "personaplex");

        var status = await readiness.CheckAsync(CancellationToken.None);

        Assert.False(status.Ready);
        Assert.Contains("ws://127.0.0.1:9/api/chat", status.Detail);
        Assert.Contains("connection refused", status.Detail);
    }

    [Fact]
    public void Chat_url_carries_the_persona_and_never_a_seed()
    {
        var url = PersonaPlexUrl.ForChat(new Uri("wss://gpu:8998/api/chat"), new PersonaPlexPersona("Be brief & kind.", "NATM1.pt"));

        Assert.Equal("wss://gpu:8998/api/chat?text_prompt=Be%20brief%20%26%20kind.&voice_prompt=NATM1.pt", url.AbsoluteUri);
        Assert.Equal("https://gpu:8998/api/chat", PersonaPlexUrl.ForHttp(new Uri("wss://gpu:8998/api/chat")).AbsoluteUri);
    }
}
