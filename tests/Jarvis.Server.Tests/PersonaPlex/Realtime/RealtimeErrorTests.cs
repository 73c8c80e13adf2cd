using Jarvis.PersonaPlex.Emulator.Realtime;
using Jarvis.Server.PersonaPlex;
using Jarvis.Server.Tests.PersonaPlex.Support;

namespace Jarvis.Server.Tests.PersonaPlex.Realtime;

/// <summary>Each error of the spec's catalogue (§11) handled as §14 says: busy, configuration, window, backpressure, lost, refused.</summary>
public sealed class RealtimeErrorTests : IAsyncLifetime
{
    private readonly RealtimeEmulator _emulator = new(new RealtimeEmulatorOptions { ChunkFrames = 2 });

    public Task InitializeAsync() => _emulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Resource_exhausted_is_busy_the_slot_retries_with_backoff_and_the_other_slot_works()
    {
        _emulator.Options.MaxSessions = 1;
        await using var harness = await StartAsync(capacity: 2);

        await Eventually.TrueAsync(() => Status(harness).Count(s => s.State == PersonaPlexState.Warm) == 1 && Status(harness).Any(s => s.BusyRefusals >= 1), "one warm, one busy");
        var busy = Status(harness).Single(s => s.BusyRefusals >= 1);
        Assert.Contains("no free session", busy.LastError);
        Assert.Contains("limit=1", busy.LastError);
        Assert.Contains(_emulator.Sessions, s => s.EndReason == "resource_exhausted");
        await Eventually.TrueAsync(() => _emulator.Admission.Held == 1, "never more sessions than the server admits");
    }

    [Theory]
    [InlineData("NATF2", "invalid_voice")]
    [InlineData("NATX9.pt", "prefill_unavailable")]
    public async Task A_voice_the_server_refuses_stops_the_endpoint_with_what_to_fix_until_the_persona_changes(string voice, string code)
    {
        await using var harness = await StartAsync(capacity: 2, o => o.Voice = voice);

        await Eventually.TrueAsync(() => Status(harness).All(s => s.State == PersonaPlexState.Stopped), "the endpoint stopped");
        Assert.All(Status(harness), s => Assert.Contains("PersonaPlex:Voice", s.LastError));
        Assert.Contains(_emulator.Sessions, s => s.Errors.Contains(code));
        var attempts = _emulator.Sessions.Count;
        Assert.InRange(attempts, 1, 2); // no retry loop on a configuration error

        await harness.Manager.SetPersonaAsync(PersonaPlexOptions.JarvisPersona, "NATM1.pt", CancellationToken.None);
        await Eventually.TrueAsync(() => Status(harness).All(s => s.State == PersonaPlexState.Warm), "warm again with a bundled voice");
        Assert.All(_emulator.OpenedSessions, s => Assert.Equal("NATM1.pt", s.Voice));
    }

    [Fact]
    public async Task Without_the_servers_api_key_the_endpoint_stops_and_says_to_set_it()
    {
        _emulator.Options.ApiKey = "k3y";
        await using (var harness = await StartAsync(capacity: 1))
        {
            await Eventually.TrueAsync(() => harness.Status.State == PersonaPlexState.Stopped, "stopped");
            Assert.Contains("PersonaPlex:Endpoints:0:ApiKey", harness.Status.LastError);
        }

        await using var keyed = await ManagerHarness.StartAsync(o => o.Endpoints =
            [new PersonaPlexEndpointOptions { Url = _emulator.RealtimeUrl.ToString(), Capacity = 1, ApiKey = "k3y" }]);
        await Eventually.TrueAsync(() => keyed.Status.State == PersonaPlexState.Warm, "warm with the key");
    }

    [Fact]
    public async Task A_full_window_restarts_the_models_context_on_the_same_session()
    {
        _emulator.Options.WindowFrames = 150; // smaller than Jarvis believes (3000): the window overflows after ~58 frames
        await using var harness = await StartAsync(capacity: 1);

        await Eventually.TrueAsync(() => _emulator.OpenedSessions.Count == 1 && _emulator.OpenedSessions[0].Epoch >= 1, "context restarted", TimeSpan.FromSeconds(20));
        var session = _emulator.OpenedSessions[0];
        Assert.Contains("runtime_append_failed", session.Errors);
        var output = session.OutputFrames;
        await Eventually.TrueAsync(() => session.OutputFrames > output + 3, "the model speaks again");
        Assert.True(harness.Status.Rotations >= 1);
        Assert.Equal(0, harness.Status.Reconnects);
        Assert.Equal(PersonaPlexState.Warm, harness.Status.State);
    }

    [Theory]
    [InlineData("engine_error", "the engine crashed")]
    [InlineData("runtime_step_failed", "stage 0 failed")]
    [InlineData("unknown_session", "Unknown duplex session")]
    public async Task An_engine_failure_on_the_session_replaces_it(string code, string message)
    {
        await using var harness = await StartAsync(capacity: 1);
        await Eventually.TrueAsync(() => harness.Status.State == PersonaPlexState.Warm, "warm");

        await _emulator.InjectErrorAsync(_emulator.OpenedSessions[0], code, message);

        await Eventually.TrueAsync(() => harness.Status.Reconnects == 1 && harness.Status.State == PersonaPlexState.Warm && harness.Status.Sessions == 2, "a new session");
        Assert.Contains(code, harness.Status.LastError);
        Assert.Equal("client_close", await _emulator.OpenedSessions[0].Ended.WaitAsync(Eventually.Deadline));
    }

    [Fact]
    public async Task Input_backpressure_means_the_model_is_far_behind_and_the_session_is_replaced()
    {
        await using var harness = await StartAsync(capacity: 1);
        await Eventually.TrueAsync(() => harness.Status.State == PersonaPlexState.Warm, "warm");

        await _emulator.InjectErrorAsync(_emulator.OpenedSessions[0], "input_backpressure", "Duplex session has too many pending input bytes");

        await Eventually.TrueAsync(() => harness.Status.DriftResets == 1 && harness.Status.Sessions == 2, "replaced");
        Assert.Equal("drift", await _emulator.OpenedSessions[0].Ended.WaitAsync(Eventually.Deadline));
    }

    [Fact]
    public async Task An_append_refused_for_its_format_stops_the_endpoint_with_what_to_check()
    {
        await using var harness = await StartAsync(capacity: 1);
        await Eventually.TrueAsync(() => harness.Status.State == PersonaPlexState.Warm, "warm");

        await _emulator.InjectErrorAsync(_emulator.OpenedSessions[0], "bad_event", "PersonaPlex sample_rate_hz must be 24000");

        await Eventually.TrueAsync(() => harness.Status.State == PersonaPlexState.Stopped, "stopped");
        Assert.Contains("pcm_f32le at 24000 Hz", harness.Status.LastError);
        Assert.Contains("Kind", harness.Status.LastError);
    }

    [Theory]
    [InlineData("unknown_event", "Unknown duplex event type: x")]
    [InlineData("invalid_json", "Invalid JSON event")]
    [InlineData("event_too_large", "Duplex event too large")]
    [InlineData("invalid_event_ack", "session.event_ack requires a non-negative integer server_event_seq")]
    [InlineData("bad_audio", "input audio is not valid base64")]
    public async Task A_refused_event_is_logged_and_the_session_goes_on(string code, string message)
    {
        await using var harness = await StartAsync(capacity: 1);
        await Eventually.TrueAsync(() => harness.Status.State == PersonaPlexState.Warm, "warm");
        var session = _emulator.OpenedSessions[0];

        await _emulator.InjectErrorAsync(session, code, message);

        var output = session.OutputFrames;
        await Eventually.TrueAsync(() => session.OutputFrames > output + 5, "the session goes on");
        Assert.Equal(1, harness.Status.Sessions);
        Assert.Equal(PersonaPlexState.Warm, harness.Status.State);
    }

    [Fact]
    public async Task A_model_slower_than_real_time_is_replaced()
    {
        _emulator.Options.ComputeDelay = TimeSpan.FromMilliseconds(250);
        await using var harness = await StartAsync(capacity: 1, o => o.MaxDrift = TimeSpan.FromMilliseconds(500));

        await Eventually.TrueAsync(() => harness.Status.DriftResets >= 1, "drift detected", TimeSpan.FromSeconds(20));
        Assert.Contains("behind", harness.Status.LastError);
    }

    private static IReadOnlyList<PersonaPlexEndpointStatus> Status(ManagerHarness harness) => harness.Manager.GetStatus();

    private Task<ManagerHarness> StartAsync(int capacity, Action<PersonaPlexOptions>? configure = null) =>
        ManagerHarness.StartAsync(o =>
        {
            o.Endpoints = [new PersonaPlexEndpointOptions { Url = _emulator.RealtimeUrl.ToString(), Capacity = capacity }];
            configure?.Invoke(o);
        });
}
