using Jarvis.PersonaPlex.Emulator;
using Jarvis.Server.PersonaPlex;
using Jarvis.Server.Tests.PersonaPlex.Support;

namespace Jarvis.Server.Tests.Reconnect;

/// <summary>A Moshi endpoint's reconnect loop with the port probe, against the PersonaPlex emulator (real sockets, real time).</summary>
public sealed class PersonaPlexReconnectTests : IAsyncLifetime
{
    private readonly PersonaPlexEmulator _emulator = new(new EmulatorOptions { PromptSteps = 10 });

    public Task InitializeAsync() => _emulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task PersonaPlex_back_during_a_long_backoff_is_reconnected_at_once_and_a_probe_is_no_session()
    {
        var probe = new CountingPortProbe();
        await using var harness = await ManagerHarness.StartAsync(o =>
        {
            o.Url = _emulator.ChatUrl.ToString();
            o.ReconnectBackoffInitial = TimeSpan.FromMinutes(1);
            o.ReconnectBackoffMax = TimeSpan.FromMinutes(1);
            o.ReconnectProbeInterval = TimeSpan.FromMilliseconds(250);
        }, probe: probe);
        await Eventually.TrueAsync(() => harness.Status.State == PersonaPlexState.Warm, "warm session");
        Assert.Equal(0, probe.Probes);
        var port = _emulator.Port;

        await _emulator.StopAsync();
        await Eventually.TrueAsync(() => probe.Refused >= 2, "the loop backs off and probes the closed port");
        await _emulator.StartAsync(port);

        await Eventually.TrueAsync(() => harness.Status.State == PersonaPlexState.Warm && harness.Status.Sessions == 2,
            "a new warm session long before the one-minute back-off", TimeSpan.FromSeconds(15));
        Assert.Equal(2, _emulator.Sessions.Count); // the first and the new session: the probe that found the port open is none
    }
}
