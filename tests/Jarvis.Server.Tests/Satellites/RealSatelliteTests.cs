using System.Diagnostics;
using Jarvis.Server.Rooms;
using Jarvis.Server.Satellites;
using Jarvis.Server.Tests.Hub;
using Xunit.Abstractions;

namespace Jarvis.Server.Tests.Satellites;

/// <summary>The real satellite program (Jarvis.Satellite) against the real server.</summary>
public sealed class RealSatelliteTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_real_satellite_reconnects_after_a_server_restart_and_obeys_mute_from_mqtt()
    {
        var httpPort = FreePort.Next();
        var server = await HubTestServer.StartAsync(httpPort: httpPort);
        var link = server.LinkUri;
        await using var kitchen = await RealSatellite.StartAsync(link, "kitchen");
        try
        {
            await Eventually.TrueAsync(() => server.Get<SatelliteRegistry>().ByRoom("kitchen") is not null && kitchen.Status.Connected, "the satellite is connected");

            await server.DisposeAsync();
            await Eventually.TrueAsync(() => !kitchen.Status.Connected, "the satellite notices");
            server = await HubTestServer.StartAsync(httpPort: httpPort, mqttPort: server.MqttPort);
            var back = Stopwatch.StartNew();
            await Eventually.TrueAsync(() => server.Get<SatelliteRegistry>().ByRoom("kitchen") is not null, "the satellite is back");
            output.WriteLine($"the real satellite was back {back.ElapsedMilliseconds} ms after the server");

            await using var probe = await server.HomeAssistantProbeAsync();
            await probe.PublishAsync("jarvis/satellite/kitchen-pi/mute/set", "ON");
            await Eventually.TrueAsync(() => kitchen.Status.Muted, "the satellite is muted from MQTT");
            Assert.True(server.Get<ConversationCoordinator>().IsMuted("kitchen"));
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_real_satellite_back_on_a_new_link_during_its_rooms_conversation_joins_it_and_leaves_it_when_it_ends()
    {
        // The kitchen's old link is still open at the server (a network drop the server has not noticed yet) when the
        // satellite comes back on a new one: the new link replaces the old and the conversation goes on.
        await using var server = await HubTestServer.StartAsync();
        var coordinator = server.Get<ConversationCoordinator>();
        await using var stale = await SimulatedSatellite.ConnectAsync(server.LinkUri, "kitchen");
        await stale.WaitWelcomedAsync();
        coordinator.Wake("kitchen", 1.0, WakeSource.LongPress);
        await Eventually.TrueAsync(() => stale.Last<Jarvis.Protocol.Link.Messages.ConversationMessage>()?.Active == true, "the kitchen's conversation is on");

        await using var kitchen = await RealSatellite.StartAsync(server.LinkUri, "kitchen");
        await Eventually.TrueAsync(() => kitchen.Status.Connected && kitchen.Status.ConversationActive, "the satellite is back in its room's conversation");
        Assert.Equal("kitchen", coordinator.ActiveRoom(0));

        coordinator.EndConversation("kitchen", "test", error: false);

        // Otherwise it goes on streaming as in a conversation, its LED listening, until the next conversation.
        await Eventually.TrueAsync(() => !kitchen.Status.ConversationActive, "the satellite leaves the conversation when it ends");
    }

    [Fact]
    public async Task Speech_at_the_real_satellite_wakes_its_room_reaches_PersonaPlex_and_the_answer_is_played()
    {
        await using var emulator = new Jarvis.PersonaPlex.Emulator.PersonaPlexEmulator(new Jarvis.PersonaPlex.Emulator.EmulatorOptions { PromptSteps = 5 });
        await emulator.StartAsync();
        await using var server = await HubTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["PersonaPlex:Url"] = emulator.ChatUrl.ToString(),
            ["Rooms:WakeMode"] = "Vad",
        });
        short[] microphone = [.. new short[16000], .. SpokenWords.Say("Hey Jarvis, what is the weather like today?"), .. new short[16000 * 3]];
        await using var kitchen = await RealSatellite.StartAsync(server.LinkUri, "kitchen", microphone);

        await Eventually.TrueAsync(() => kitchen.Status.ConversationActive, "the kitchen's speech starts a conversation");
        await Eventually.TrueAsync(() => emulator.Sessions.Count > 0 && emulator.Sessions[^1].DecodedPackets.Count > 50, "PersonaPlex receives the kitchen's audio");
        await Eventually.TrueAsync(() => Rms(kitchen.Speaker.Snapshot()) > 100, "the kitchen plays PersonaPlex's answer (not silence)");
        output.WriteLine($"decoded by PersonaPlex: {emulator.Sessions[^1].DecodedPackets.Count} packets; played: {kitchen.Speaker.RecordedSamples / 16000.0:0.0} s, RMS {Rms(kitchen.Speaker.Snapshot()):0}");
    }

    private static double Rms(short[] samples) =>
        samples.Length == 0 ? 0 : Math.Sqrt(samples.Select(s => (double)s * s).Average());
}
