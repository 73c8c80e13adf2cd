using Jarvis.Protocol.Link.Messages;
using Jarvis.Server.HomeAssistant;
using Jarvis.Server.PersonaPlex;
using Jarvis.Server.Tests.Conversation;
using Jarvis.Server.Tests.Hub;
using Jarvis.Server.Timers;

namespace Jarvis.Server.Tests.Timers;

/// <summary>
/// Timers through the real server and link: simulated satellites, the Wyoming ASR/TTS, PersonaPlex and Home Assistant
/// emulators. Timers are said in each conversation mode, listed, changed, cancelled, ring in their own room until the
/// button, "stop" or the timeout, and survive a restart.
/// </summary>
public sealed class TimersThroughTheServerTests
{
    private static readonly Dictionary<string, string?> FastRing = new()
    {
        ["Timers:RingInterval"] = "00:00:00.200",
        ["Timers:RingTimeout"] = "00:00:05",
        ["Satellites:Devices:office-pi:Room"] = "office",
        ["Satellites:Devices:office-pi:Token"] = HubTestServer.TokenOf("office"),
    };

    [Fact]
    public async Task Timers_said_in_pipeline_mode_are_set_listed_changed_and_cancelled_with_spoken_answers()
    {
        await using var env = await ConversationFixture.StartAsync("Pipeline");
        var kitchen = await env.KitchenAsync();
        await ConversationFixture.ConverseAsync(kitchen);
        var book = env.Get<TimerBook>();

        var set = await env.TalkAsync(kitchen, "set a timer for 10 minutes named pizza");
        Assert.Equal(("home", "answer", "Timer set for 10 minutes named pizza"), (set.Handling, set.Home, set.AnswerText));
        var pizza = Assert.Single(book.All());
        Assert.Equal(("kitchen", "pizza"), (pizza.Room, pizza.Name));

        var status = await env.TalkAsync(kitchen, "how much time is left on the pizza timer");
        Assert.Matches("^(9|10) minutes left\\.$", status.AnswerText);

        var add = await env.TalkAsync(kitchen, "add 5 minutes to the pizza timer");
        Assert.Equal(("home", "done"), (add.Handling, add.Home));
        Assert.InRange(Left(book).TotalMinutes, 14, 15);

        await env.TalkAsync(kitchen, "pause the pizza timer");
        Assert.True(book.All().Single().IsPaused);
        await env.TalkAsync(kitchen, "resume the pizza timer");
        Assert.False(book.All().Single().IsPaused);

        var cancel = await env.TalkAsync(kitchen, "cancel the pizza timer");
        Assert.Equal("Timer cancelled", cancel.AnswerText);
        Assert.Empty(book.All());
        await Eventually.TrueAsync(() => env.Tts.Spoken.Contains("Timer cancelled"), "every answer is spoken");
        Assert.Contains("Timer set for 10 minutes named pizza", env.Tts.Spoken);
    }

    [Fact]
    public async Task Timers_said_in_duplex_mode_answer_through_the_home_engine()
    {
        await using var env = await ConversationFixture.StartAsync("Duplex");
        await Eventually.TrueAsync(() => env.Get<IPersonaPlexSessions>().GetStatus()[0].State == PersonaPlexState.Warm, "PersonaPlex is warm");
        var kitchen = await env.KitchenAsync();
        await ConversationFixture.ConverseAsync(kitchen);

        var set = await env.TalkAsync(kitchen, "set a 20 minute timer");
        Assert.Equal(("home", "answer", "Timer set for 20 minutes"), (set.Handling, set.Home, set.AnswerText));
        Assert.Equal("kitchen", Assert.Single(env.Get<TimerBook>().All()).Room);

        var status = await env.TalkAsync(kitchen, "how long is left on my timer");
        Assert.Matches("^(19|20) minutes left\\.$", status.AnswerText);
        await Eventually.TrueAsync(() => env.Tts.Spoken.Contains(status.AnswerText!), "the status is spoken over PersonaPlex");
    }

    [Fact]
    public async Task A_ring_in_its_own_room_stops_by_button_by_stop_and_by_timeout_and_a_muted_room_still_shows_it()
    {
        await using var env = await ConversationFixture.StartAsync("Pipeline", FastRing);
        var kitchen = await env.KitchenAsync();
        var office = await SimulatedSatellite.ConnectAsync(env.LinkUri, "office");
        await office.WaitWelcomedAsync();
        var engine = env.Get<IHomeEngine>();
        var ringer = env.Get<TimerRinger>();

        // Two timers in two rooms: only the kitchen's ends, only the kitchen rings.
        await engine.HandleAsync(new HomeRequest("set a 1 hour timer", "office", EngineSpeaks: true), CancellationToken.None);
        await engine.HandleAsync(new HomeRequest("set a 1 second timer", "kitchen", EngineSpeaks: true), CancellationToken.None);
        await RingsAsync(kitchen, ringer);
        Assert.DoesNotContain(office.Messages.OfType<LedMessage>(), m => m.State == LedState.Timer);
        Assert.Equal("office", Assert.Single(env.Get<TimerBook>().All()).Room);

        await kitchen.SendAsync(new ButtonMessage(ButtonPress.Short, 1));
        await StopsAsync(kitchen, ringer, "button");

        await ConversationFixture.ConverseAsync(kitchen);
        await engine.HandleAsync(new HomeRequest("start a 1 second timer", "kitchen", EngineSpeaks: true), CancellationToken.None);
        await RingsAsync(kitchen, ringer);
        var stop = await env.TalkAsync(kitchen, "stop");
        Assert.Equal("home", stop.Handling);
        await StopsAsync(kitchen, ringer, "voice");

        await kitchen.MuteAsync(true);
        await engine.HandleAsync(new HomeRequest("1 second timer", "kitchen", EngineSpeaks: true), CancellationToken.None);
        await RingsAsync(kitchen, ringer);
        await StopsAsync(kitchen, ringer, "timeout");
    }

    [Fact]
    public async Task A_room_with_a_running_timer_shows_the_countdown_until_no_timer_runs_and_a_satellite_that_connects_sees_it()
    {
        await using var env = await ConversationFixture.StartAsync("Pipeline", FastRing);
        var kitchen = await env.KitchenAsync();
        var engine = env.Get<IHomeEngine>();

        await engine.HandleAsync(new HomeRequest("set a 10 minute timer named pizza", "kitchen", EngineSpeaks: true), CancellationToken.None);
        await LedAsync(kitchen, LedState.Countdown, "a timer runs");

        await engine.HandleAsync(new HomeRequest("pause the pizza timer", "kitchen", EngineSpeaks: true), CancellationToken.None);
        await LedAsync(kitchen, LedState.Idle, "the only timer is paused");
        await engine.HandleAsync(new HomeRequest("resume the pizza timer", "kitchen", EngineSpeaks: true), CancellationToken.None);
        await LedAsync(kitchen, LedState.Countdown, "the timer runs again");

        // A satellite that comes online in a room whose timer runs shows the countdown it missed.
        await engine.HandleAsync(new HomeRequest("set a 1 hour timer", "office", EngineSpeaks: true), CancellationToken.None);
        await using var office = await SimulatedSatellite.ConnectAsync(env.LinkUri, "office");
        await office.WaitWelcomedAsync();
        await LedAsync(office, LedState.Countdown, "the office's timer runs");

        await engine.HandleAsync(new HomeRequest("cancel the pizza timer", "kitchen", EngineSpeaks: true), CancellationToken.None);
        await LedAsync(kitchen, LedState.Idle, "no timer runs in the kitchen");
        Assert.Equal(LedState.Countdown, office.Last<LedMessage>()?.State);
        Assert.Equal("office", Assert.Single(env.Get<TimerBook>().All()).Room);
    }

    [Fact]
    public async Task Home_Assistant_sees_over_mqtt_the_countdown_and_the_ring_the_room_shows()
    {
        var password = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
        var settings = new Dictionary<string, string?>(FastRing) { ["Mqtt:HomeAssistantPassword"] = password };
        await using var env = await ConversationFixture.StartAsync("Pipeline", settings);
        var kitchen = await env.KitchenAsync();
        var engine = env.Get<IHomeEngine>();
        var broker = env.Get<Microsoft.Extensions.Options.IOptions<Jarvis.Server.Mqtt.MqttOptions>>().Value;
        await using var probe = await Mqtt.MqttProbe.ConnectAsAsync(broker.Port, broker.HomeAssistantUsername, password, "jarvis/satellite/kitchen-pi/state");
        string? Led() => probe.Latest("jarvis/satellite/kitchen-pi/state") is { } json
            ? System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("led").GetString()
            : null;

        // A countdown set while no conversation owns the LEDs, then a ring, then the countdown again: as the room shows them.
        await engine.HandleAsync(new HomeRequest("set a 1 hour timer", "kitchen", EngineSpeaks: true), CancellationToken.None);
        await LedAsync(kitchen, LedState.Countdown, "a timer runs");
        await Eventually.TrueAsync(() => Led() == "countdown", "Home Assistant sees the countdown");
        await engine.HandleAsync(new HomeRequest("set a 1 second timer", "kitchen", EngineSpeaks: true), CancellationToken.None);
        await Eventually.TrueAsync(() => Led() == "timer", "Home Assistant sees the ring");
        await kitchen.SendAsync(new ButtonMessage(ButtonPress.Short, 1));
        await Eventually.TrueAsync(() => Led() == "countdown", "after the ring Home Assistant sees the countdown again, not idle");
    }

    [Fact]
    public async Task A_ring_gives_the_leds_back_to_the_countdown_of_a_timer_still_running_in_the_room()
    {
        await using var env = await ConversationFixture.StartAsync("Pipeline", FastRing);
        var kitchen = await env.KitchenAsync();
        var engine = env.Get<IHomeEngine>();
        var ringer = env.Get<TimerRinger>();

        await engine.HandleAsync(new HomeRequest("set a 1 hour timer", "kitchen", EngineSpeaks: true), CancellationToken.None);
        await engine.HandleAsync(new HomeRequest("set a 1 second timer", "kitchen", EngineSpeaks: true), CancellationToken.None);
        await RingsAsync(kitchen, ringer);

        await kitchen.SendAsync(new ButtonMessage(ButtonPress.Short, 1));
        await StopsAsync(kitchen, ringer, "button");
        await LedAsync(kitchen, LedState.Countdown, "the 1 hour timer still runs");
    }

    [Fact]
    public async Task Timers_survive_a_restart_and_one_that_ended_while_the_server_was_down_rings_at_start()
    {
        var state = TestState.NewDirectory();
        var settings = new Dictionary<string, string?>(FastRing) { ["State:Directory"] = state };
        DateTimeOffset teaEnds;
        await using (var before = await ConversationFixture.StartAsync("Pipeline", settings))
        {
            var engine = before.Get<IHomeEngine>();
            await engine.HandleAsync(new HomeRequest("set a 2 hour timer named roast", "office", EngineSpeaks: true), CancellationToken.None);
            await engine.HandleAsync(new HomeRequest("set a 20 second timer named tea", "kitchen", EngineSpeaks: true), CancellationToken.None);
            teaEnds = before.Get<TimerBook>().All().Single(t => t.Name == "tea").EndsAt;
        }

        await Eventually.TrueAsync(() => DateTimeOffset.UtcNow > teaEnds, "the tea timer ends while the server is down", TimeSpan.FromSeconds(40));
        await using var after = await ConversationFixture.StartAsync("Pipeline", settings);
        var kitchen = await after.KitchenAsync();

        await RingsAsync(kitchen, after.Get<TimerRinger>());
        var roast = Assert.Single(after.Get<TimerBook>().All());
        Assert.Equal(("office", "roast"), (roast.Room, roast.Name));
        Assert.InRange(roast.Left(DateTimeOffset.UtcNow).TotalMinutes, 110, 120);
    }

    private static Task LedAsync(SimulatedSatellite room, LedState state, string because) =>
        Eventually.TrueAsync(() => room.Last<LedMessage>()?.State == state, $"{room.Room} shows {state}: {because}", TimeSpan.FromSeconds(30));

    private static TimeSpan Left(TimerBook book) => book.All().Single().Left(DateTimeOffset.UtcNow);

    private static async Task RingsAsync(SimulatedSatellite room, TimerRinger ringer)
    {
        await Eventually.TrueAsync(() => ringer.IsRinging(room.Room) && room.Last<LedMessage>()?.State == LedState.Timer, $"{room.Room} rings", TimeSpan.FromSeconds(30));
        var heard = room.AudioReceived;
        await Eventually.TrueAsync(() => room.AudioReceived > heard + 5, $"{room.Room} hears the ring");
    }

    private static async Task StopsAsync(SimulatedSatellite room, TimerRinger ringer, string reason)
    {
        await Eventually.TrueAsync(() => !ringer.IsRinging(room.Room) && room.Last<LedMessage>()?.State != LedState.Timer, $"{room.Room} stops ringing ({reason})", TimeSpan.FromSeconds(30));
        Assert.Equal(reason, ringer.Stopped()[^1].Reason);
    }
}
