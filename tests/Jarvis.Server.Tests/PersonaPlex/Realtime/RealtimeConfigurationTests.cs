using Jarvis.PersonaPlex.Emulator.Realtime;
using Jarvis.Server.Health;
using Jarvis.Server.Hosting;
using Jarvis.Server.PersonaPlex;
using Jarvis.Server.PersonaPlex.Readiness;
using Jarvis.Server.Rooms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Tests.PersonaPlex.Realtime;

public sealed class RealtimeConfigurationTests
{
    [Fact]
    public async Task A_list_of_urls_stays_valid_objects_choose_the_kind_and_the_conversation_slots_add_up_the_capacities()
    {
        await using var app = ServerApp.Build([
            "--PersonaPlex:Endpoints:0=ws://gpu1:8998/api/chat",
            "--PersonaPlex:Endpoints:1:Url=ws://gpu2:8000/v1/realtime",
            "--PersonaPlex:Endpoints:1:Kind=Realtime",
            "--PersonaPlex:Endpoints:1:Capacity=3",
            "--PersonaPlex:Endpoints:2=ws://gpu3:8000/v1/realtime",
            "--urls=http://127.0.0.1:0"]);

        var endpoints = app.Services.GetRequiredService<IOptions<PersonaPlexOptions>>().Value.EffectiveEndpointOptions;

        Assert.Equal([PersonaPlexBackend.Moshi, PersonaPlexBackend.Realtime, PersonaPlexBackend.Realtime], endpoints.Select(e => e.EffectiveKind));
        Assert.Equal([1, 3, 2], endpoints.Select(e => e.EffectiveCapacity));
        Assert.Equal(6, app.Services.GetRequiredService<IOptions<RoomsOptions>>().Value.Slots);
        var slots = app.Services.GetRequiredService<IPersonaPlexSessions>().GetStatus().Select(s => s.Endpoint.ToString()).ToArray();
        Assert.Equal(6, slots.Length);
        Assert.Equal("ws://gpu1:8998/api/chat", slots[0]);
        Assert.Equal("ws://gpu2:8000/v1/realtime?session=3", slots[3]);
    }

    [Theory]
    [InlineData("ws://gpu:8000/v1/realtime", "Moshi", null, "set PersonaPlex:Endpoints:0:Kind to Realtime")]
    [InlineData("ws://gpu:8998/api/chat", "Realtime", null, "set PersonaPlex:Endpoints:0:Kind to Moshi")]
    [InlineData("ws://gpu:8000/realtime", "Realtime", null, "its path must end in /v1/realtime")]
    [InlineData("ws://gpu:8998/api/chat", null, "2", "Capacity must be 1 for a Moshi endpoint")]
    [InlineData("ws://gpu:8000/v1/realtime", null, "0", "Capacity must be 1-64")]
    [InlineData("ws://gpu:8000/v1/realtime?model=x", null, null, "must not carry a query")]
    [InlineData("http://gpu:8000/v1/realtime", null, null, "ws:// or wss://")]
    public void Bad_endpoints_fail_with_a_message_naming_the_key_to_fix(string url, string? kind, string? capacity, string message)
    {
        var endpoint = new PersonaPlexEndpointOptions
        {
            Url = url,
            Kind = kind is null ? null : Enum.Parse<PersonaPlexBackend>(kind),
            Capacity = capacity is null ? null : int.Parse(capacity, System.Globalization.CultureInfo.InvariantCulture),
        };

        var result = new PersonaPlexOptionsValidator().Validate(null, new PersonaPlexOptions { Endpoints = [endpoint] });

        Assert.True(result.Failed);
        Assert.Contains(message, result.FailureMessage);
    }

    [Theory]
    [InlineData("Model", "", "Model must name the model")]
    [InlineData("WindowFrames", "100", "WindowFrames must be 250-100000")]
    [InlineData("PrefillFrames", "2000", "PrefillFrames must be between 0 and half of WindowFrames")]
    public void Bad_realtime_settings_fail_with_what_to_set(string setting, string value, string message)
    {
        var endpoint = new PersonaPlexEndpointOptions { Url = "ws://gpu:8000/v1/realtime" };
        var property = typeof(PersonaPlexEndpointOptions).GetProperty(setting)!;
        property.SetValue(endpoint, property.PropertyType == typeof(int) ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : value);

        var result = new PersonaPlexOptionsValidator().Validate(null, new PersonaPlexOptions { Endpoints = [endpoint] });

        Assert.True(result.Failed);
        Assert.Contains($"PersonaPlex:Endpoints:0:{message}", result.FailureMessage);
    }

    [Fact]
    public async Task Server_start_fails_at_once_on_a_moshi_url_declared_realtime()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var app = ServerApp.Build(["--PersonaPlex:Endpoints:0:Url=ws://gpu:8998/api/chat", "--PersonaPlex:Endpoints:0:Kind=Realtime", "--urls=http://127.0.0.1:0"]);
            await app.StartAsync();
        });

        Assert.Contains("Kind to Moshi", error.Message);
    }

    [Fact]
    public async Task Readiness_asks_health_and_models_and_never_opens_a_session()
    {
        await using var emulator = new RealtimeEmulator();
        await emulator.StartAsync();
        await using var app = ServerApp.Build([$"--PersonaPlex:Url={emulator.RealtimeUrl}", "--urls=http://127.0.0.1:0"]);
        var readiness = app.Services.GetServices<IBackendReadiness>().Single(b => b.Name == "personaplex");

        var status = await readiness.CheckAsync(CancellationToken.None);

        Assert.True(status.Ready, status.Detail);
        Assert.Contains("vLLM-Omni ready, serving nvidia/personaplex-7b-v1", status.Detail);
        Assert.Contains("sessions Idle, Idle", status.Detail);
        Assert.Empty(emulator.Sessions);
    }

    [Fact]
    public async Task The_probe_says_what_is_wrong_dead_engine_wrong_model_missing_key_nothing_listening()
    {
        await using var emulator = new RealtimeEmulator();
        await emulator.StartAsync();
        using var http = PersonaPlexProbe.CreateHttpClient(false);
        var probe = new RealtimeProbe(http);
        var key = "PersonaPlex:Endpoints:0";

        var other = await probe.CheckAsync(emulator.RealtimeUrl, "other/model", null, key, CancellationToken.None);
        Assert.Contains("serves nvidia/personaplex-7b-v1, not other/model: set PersonaPlex:Endpoints:0:Model", other.Detail);

        emulator.Options.ApiKey = "k";
        var locked = await probe.CheckAsync(emulator.RealtimeUrl, emulator.Options.Model, null, key, CancellationToken.None);
        Assert.Contains("set PersonaPlex:Endpoints:0:ApiKey", locked.Detail);
        Assert.True((await probe.CheckAsync(emulator.RealtimeUrl, emulator.Options.Model, "k", key, CancellationToken.None)).Ready);

        emulator.Options.EngineDead = true;
        var dead = await probe.CheckAsync(emulator.RealtimeUrl, emulator.Options.Model, "k", key, CancellationToken.None);
        Assert.False(dead.Ready);
        Assert.Contains("engine is dead", dead.Detail);

        var nothing = await probe.CheckAsync(new Uri("ws://127.0.0.1:9/v1/realtime"), emulator.Options.Model, null, key, CancellationToken.None);
        Assert.Contains("connection refused", nothing.Detail);
        Assert.Empty(emulator.Sessions);
    }
}
