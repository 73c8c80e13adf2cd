using Jarvis.Server.HomeAssistant.Client;
using Jarvis.Server.Tests.HomeAssistant;

namespace Jarvis.Server.Tests.Reconnect;

/// <summary>The Home Assistant client's reconnect loop with the port probe, against the emulator (real sockets, real time).</summary>
public sealed class HomeAssistantReconnectTests
{
    /// <summary>A back-off far longer than the test's deadline: only the probe can reconnect in time.</summary>
    private static readonly Dictionary<string, string?> LongBackoff = new()
    {
        ["HomeAssistant:ReconnectDelayMin"] = "00:01:00",
        ["HomeAssistant:ReconnectDelayMax"] = "00:01:00",
        ["HomeAssistant:ReconnectProbeInterval"] = "00:00:00.250",
    };

    [Fact]
    public async Task Home_assistant_back_during_a_long_backoff_is_reconnected_at_once_and_not_probed_while_connected()
    {
        var probe = new CountingPortProbe();
        await using var env = await HomeAssistantTestEnvironment.StartAsync(settings: LongBackoff, probe: probe);
        Assert.Equal(0, probe.Probes);

        await env.Emulator.StopAsync();
        await Eventually.TrueAsync(() => probe.Refused >= 2, because: "the loop backs off and probes the closed port");
        await env.Emulator.RestartAsync();
        await Eventually.TrueAsync(() => env.Client.Status.State == HomeAssistantConnectionState.Connected, TimeSpan.FromSeconds(15),
            because: "the probe sees the port open and the client reconnects long before its one-minute back-off");

        var probes = probe.Probes;
        var reply = await env.Conversation.HandleAsync("turn off the bedroom switch", "Kitchen", CancellationToken.None);
        Assert.True(Assert.Single(reply.Actions).Succeeded);
        Assert.Equal(probes, probe.Probes);
    }
}
