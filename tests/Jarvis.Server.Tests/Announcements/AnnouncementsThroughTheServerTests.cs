using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jarvis.Protocol.Link.Messages;
using Jarvis.Server.PersonaPlex;
using Jarvis.Server.Tests.Conversation;
using Jarvis.Server.Tests.Hub;
using Jarvis.Server.Tests.Mqtt;
using Jarvis.Server.Tests.Security;

namespace Jarvis.Server.Tests.Announcements;

/// <summary>
/// Announcements through the real server and link: HTTP (API token) and MQTT (Home Assistant's account at the embedded
/// broker, with the real mosquitto clients) to one room, several rooms and every room; an ask answered yes; an announcement
/// during a duplex conversation that cuts PersonaPlex's audio and gives it back.
/// </summary>
public sealed class AnnouncementsThroughTheServerTests
{
    private static Dictionary<string, string?> ThreeRooms(int mqttPort) => new()
    {
        ["Mqtt:Port"] = mqttPort.ToString(CultureInfo.InvariantCulture),
        ["Satellites:Devices:office-pi:Room"] = "office",
        ["Satellites:Devices:office-pi:Token"] = HubTestServer.TokenOf("office"),
        ["Satellites:Devices:hall-pi:Room"] = "hall",
        ["Satellites:Devices:hall-pi:Token"] = HubTestServer.TokenOf("hall"),
    };

    [Fact]
    public async Task Http_announcements_reach_one_room_several_rooms_and_every_room()
    {
        await using var env = await ConversationFixture.StartAsync("Pipeline", ThreeRooms(FreePort.Next()));
        var rooms = await ConnectAllAsync(env);
        using var http = TestState.ApiClient(new Uri($"http://{env.LinkUri.Authority}"));

        await AnnounceAsync(http, rooms, new { text = "Dinner is ready", rooms = new[] { "kitchen" } }, "kitchen");
        await AnnounceAsync(http, rooms, new { text = "The car is here", rooms = new[] { "kitchen", "office" }, chime = false }, "kitchen", "office");
        await AnnounceAsync(http, rooms, new { sound = "ring" }, "hall", "kitchen", "office");

        Assert.Equal(["Dinner is ready", "The car is here"], env.Tts.Spoken);
        var unknown = await http.PostAsJsonAsync("/api/announce", new { text = "hello", rooms = new[] { "attic" } });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("attic", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var anonymous = new HttpClient { BaseAddress = http.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/announce", new { text = "hello" })).StatusCode);
    }

    [Fact]
    public async Task Mqtt_announcements_from_home_assistant_reach_their_rooms_and_an_ask_publishes_the_yes()
    {
        var port = FreePort.Next();
        await using var env = await ConversationFixture.StartAsync("Pipeline", ThreeRooms(port));
        var rooms = await ConnectAllAsync(env);

        var heard = rooms.ToDictionary(r => r.Key, r => r.Value.AudioReceived);
        var notify = await MosquittoClient.PublishAsync(port, "jarvis/room/office/notify", "Time to leave", "homeassistant", TestState.HomeAssistantPassword);
        Assert.Equal(0, notify.ExitCode);
        await Eventually.TrueAsync(() => rooms["office"].AudioReceived > heard["office"] + 5 && env.Tts.Spoken.Contains("Time to leave"), "the office hears the notify message", TimeSpan.FromSeconds(20));

        heard = rooms.ToDictionary(r => r.Key, r => r.Value.AudioReceived);
        await MosquittoClient.PublishAsync(port, "jarvis/announce", """{"text":"Lights out in ten minutes"}""", "homeassistant", TestState.HomeAssistantPassword);
        await Eventually.TrueAsync(() => rooms.All(r => r.Value.AudioReceived > heard[r.Key] + 5), "every room hears the announcement", TimeSpan.FromSeconds(20));

        await using var answers = await MqttProbe.ConnectAsAsync(port, "homeassistant", TestState.HomeAssistantPassword, "jarvis/announce/answer");
        await MosquittoClient.PublishAsync(port, "jarvis/announce", """{"text":"Shall I close the garage?","rooms":["kitchen"],"ask":true,"id":"garage-1"}""", "homeassistant", TestState.HomeAssistantPassword);
        await Eventually.TrueAsync(() => rooms["kitchen"].Messages.OfType<ConversationMessage>().Any(m => m.Active), "the ask opens a conversation in the kitchen", TimeSpan.FromSeconds(20));
        await env.SayAsync(rooms["kitchen"], "yes please");

        await Eventually.TrueAsync(() => answers.Latest("jarvis/announce/answer") is not null, "the answer is published", TimeSpan.FromSeconds(20));
        using var published = JsonDocument.Parse(answers.Latest("jarvis/announce/answer")!);
        Assert.Equal("garage-1", published.RootElement.GetProperty("id").GetString());
        Assert.Equal("kitchen", published.RootElement.GetProperty("room").GetString());
        Assert.Equal("yes please", published.RootElement.GetProperty("transcript").GetString());
        Assert.Equal("yes", published.RootElement.GetProperty("answer").GetString());
    }

    [Fact]
    public async Task An_http_ask_returns_the_no_and_an_anonymous_client_cannot_publish_announcements()
    {
        var port = FreePort.Next();
        await using var env = await ConversationFixture.StartAsync("Pipeline", ThreeRooms(port));
        var rooms = await ConnectAllAsync(env);
        using var http = TestState.ApiClient(new Uri($"http://{env.LinkUri.Authority}"));

        var ask = http.PostAsJsonAsync("/api/announce", new { text = "Is anyone still awake?", rooms = new[] { "hall" }, ask = true });
        await Eventually.TrueAsync(() => rooms["hall"].Messages.OfType<ConversationMessage>().Any(m => m.Active), "the ask opens a conversation in the hall", TimeSpan.FromSeconds(20));
        await env.SayAsync(rooms["hall"], "no, everyone is asleep");
        using var result = JsonDocument.Parse(await (await ask).Content.ReadAsStringAsync());
        Assert.Equal("no", result.RootElement.GetProperty("answer").GetString());
        Assert.Equal("no, everyone is asleep", result.RootElement.GetProperty("transcript").GetString());

        var anonymous = await MosquittoClient.PublishAsync(port, "jarvis/announce", """{"text":"evil"}""");
        Assert.NotEqual(0, anonymous.ExitCode);
        Assert.DoesNotContain("evil", env.Tts.Spoken);
    }

    [Fact]
    public async Task An_announcement_during_a_duplex_conversation_cuts_personaplex_and_gives_the_room_back()
    {
        await using var env = await ConversationFixture.StartAsync("Duplex", new Dictionary<string, string?> { ["Announcements:DuringConversation"] = "Cut" });
        await Eventually.TrueAsync(() => env.Get<IPersonaPlexSessions>().GetStatus()[0].State == PersonaPlexState.Warm, "PersonaPlex is warm");
        var kitchen = await env.KitchenAsync();
        await ConversationFixture.ConverseAsync(kitchen);
        await env.ModelSaysAsync(kitchen, "Hello there, how can I help?");
        using var http = TestState.ApiClient(new Uri($"http://{env.LinkUri.Authority}"));

        var flushes = kitchen.Messages.OfType<FlushMessage>().Count();
        var response = await http.PostAsJsonAsync("/api/announce", new { text = "The washing machine is done", rooms = new[] { "kitchen" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The washing machine is done", env.Tts.Spoken);
        Assert.True(kitchen.Messages.OfType<FlushMessage>().Skip(flushes).Any(m => m.Reason == FlushReason.Cut), "PersonaPlex's audio was cut");
        await env.ModelSaysAsync(kitchen, "Anything else?");
    }

    private static async Task<Dictionary<string, SimulatedSatellite>> ConnectAllAsync(ConversationFixture env)
    {
        var rooms = new Dictionary<string, SimulatedSatellite>(StringComparer.Ordinal) { ["kitchen"] = await env.KitchenAsync() };
        foreach (var room in new[] { "office", "hall" })
        {
            var satellite = await SimulatedSatellite.ConnectAsync(env.LinkUri, room);
            await satellite.WaitWelcomedAsync();
            rooms[room] = satellite;
        }

        return rooms;
    }

    private static async Task AnnounceAsync(HttpClient http, Dictionary<string, SimulatedSatellite> rooms, object body, params string[] expected)
    {
        var heard = rooms.ToDictionary(r => r.Key, r => r.Value.AudioReceived);
        var response = await http.PostAsJsonAsync("/api/announce", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(expected, result.RootElement.GetProperty("rooms").EnumerateArray().Select(r => r.GetString()).Order(StringComparer.Ordinal));
        foreach (var (room, satellite) in rooms)
        {
            if (expected.Contains(room))
            {
                await Eventually.TrueAsync(() => satellite.AudioReceived > heard[room] + 5, $"{room} hears the announcement");
            }
            else
            {
                Assert.Equal(heard[room], satellite.AudioReceived);
            }
        }
    }
}
