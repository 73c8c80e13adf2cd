using System.Text.Json.Nodes;
using Jarvis.Server.HomeAssistant;
using Jarvis.Server.Tests.HomeAssistant.Emulator;

namespace Jarvis.Server.Tests.HomeAssistant;

/// <summary>The home conversation end to end against the emulated Home Assistant.</summary>
public sealed class ConversationTests
{
    private static double? Brightness(HomeAssistantEmulator emulator, string entityId) =>
        emulator.Home.Entity(entityId)?.Attributes["brightness"] is JsonNode b ? double.Parse(b.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture) : null;

    [Fact]
    public async Task Plan_dialogue_turns_on_living_room_lights_then_dims_them()
    {
        await using var env = await HomeAssistantTestEnvironment.StartAsync();
        var home = env.Emulator.Home;
        home.Mutate("light.living_room_lamp", e => e.State = "off", "test");
        home.Mutate("light.play_corner", e => e.State = "off", "test");

        var offer = await env.Conversation.HandleAsync("It's getting dark", "Kitchen", CancellationToken.None);
        Assert.True(offer.Handled);
        Assert.Equal("Want me to turn on some lights?", offer.Speech);
        Assert.Empty(offer.Actions);

        var on = await env.Conversation.HandleAsync("Yeah, in the living room", "Kitchen", CancellationToken.None);
        var turnOn = Assert.Single(on.Actions);
        Assert.True(turnOn.Succeeded, turnOn.Error);
        Assert.Equal(("light", "turn_on"), (turnOn.Domain, turnOn.Service));
        Assert.Equal(["light.living_room_lamp", "light.play_corner"], turnOn.EntityIds.Order());
        Assert.Equal("on", home.Entity("light.living_room_lamp")!.State);
        Assert.DoesNotContain(home.Calls, c => c.Targets.Contains("light.kitchen_ceiling"));

        var dim = await env.Conversation.HandleAsync("Actually, dim them a bit", "Kitchen", CancellationToken.None);
        var dimAction = Assert.Single(dim.Actions);
        Assert.True(dimAction.Succeeded, dimAction.Error);
        Assert.Equal(["light.living_room_lamp", "light.play_corner"], dimAction.EntityIds.Order());
        Assert.Equal("{\"brightness_step_pct\":-30}", dimAction.Data);
        Assert.InRange(Brightness(env.Emulator, "light.living_room_lamp") ?? 0, 178, 179); // 70 % of 255

        var thanks = await env.Conversation.HandleAsync("Perfect", "Kitchen", CancellationToken.None);
        Assert.True(thanks.Handled);
        Assert.Empty(thanks.Actions);
    }

    [Fact]
    public async Task Two_step_command_runs_both_steps_and_confirms_once()
    {
        await using var env = await HomeAssistantTestEnvironment.StartAsync();

        var reply = await env.Conversation.HandleAsync("turn off the kitchen lights and lock the back door", "office-id", CancellationToken.None);

        Assert.Equal("Done.", reply.Speech);
        Assert.Equal(2, reply.Actions.Count);
        Assert.All(reply.Actions, a => Assert.True(a.Succeeded, a.Error));
        Assert.Equal("off", env.Emulator.Home.Entity("light.kitchen_ceiling")!.State);
        Assert.Equal("locked", env.Emulator.Home.Entity("lock.back_door")!.State);
    }

    [Fact]
    public async Task Step_that_finds_nothing_is_said_and_the_other_steps_still_run()
    {
        await using var env = await HomeAssistantTestEnvironment.StartAsync();

        var reply = await env.Conversation.HandleAsync("close the blinds, then set the heat to 20", "Living Room", CancellationToken.None);

        Assert.Equal("I couldn't find any blinds in the living room. The rest is done.", reply.Speech);
        var action = Assert.Single(reply.Actions);
        Assert.Equal(("climate", "set_temperature", "climate.thermostat"), (action.Domain, action.Service, action.EntityIds.Single()));
        Assert.Equal(20, env.Emulator.Home.Entity("climate.thermostat")!.Attributes["temperature"]!.GetValue<double>());
    }

    [Fact]
    public async Task Saved_scene_snapshots_the_room_and_is_activated_by_its_name()
    {
        await using var env = await HomeAssistantTestEnvironment.StartAsync();
        var home = env.Emulator.Home;

        var saved = await env.Conversation.HandleAsync("save this as movie night", "Living Room", CancellationToken.None);
        Assert.Equal("Saved Movie Night.", saved.Speech);
        var create = Assert.Single(home.Calls, c => c.Service == "create");
        Assert.Equal("movie_night", (string?)create.Data["scene_id"]);
        Assert.Contains("light.living_room_lamp", create.Data["snapshot_entities"]!.AsArray().Select(n => (string?)n));

        await env.Conversation.HandleAsync("turn off the lights", "Living Room", CancellationToken.None);
        Assert.Equal("off", home.Entity("light.living_room_lamp")!.State);

        var activated = await env.Conversation.HandleAsync("movie night", "Living Room", CancellationToken.None);
        var action = Assert.Single(activated.Actions);
        Assert.Equal(("scene", "turn_on", "scene.movie_night"), (action.Domain, action.Service, action.EntityIds.Single()));
        await Eventually.TrueAsync(() => home.Entity("light.living_room_lamp")!.State == "on");
    }

    [Fact]
    public async Task Cover_and_lock_commands_confirm_with_the_resulting_state()
    {
        await using var env = await HomeAssistantTestEnvironment.StartAsync();

        var reply = await env.Conversation.HandleAsync("close the curtain left", "Kitchen", CancellationToken.None);

        Assert.Equal("The curtain left is closed.", reply.Speech);
    }

    [Fact]
    public async Task Failing_service_call_is_reported()
    {
        await using var env = await HomeAssistantTestEnvironment.StartAsync();
        env.Emulator.Home.FailService("lock", "lock", "Front door lock is jammed");

        var reply = await env.Conversation.HandleAsync("lock the front door", "Entrance", CancellationToken.None);

        var action = Assert.Single(reply.Actions);
        Assert.False(action.Succeeded);
        Assert.Contains("jammed", reply.Speech, StringComparison.Ordinal);
        Assert.StartsWith("Sorry", reply.Speech, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Device_that_never_changes_state_is_reported_after_the_confirm_timeout()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var env = await HomeAssistantTestEnvironment.StartAsync(time: clock);
        env.Emulator.Home.IgnoreService("switch", "turn_on");

        var pending = env.Conversation.HandleAsync("turn on the bedroom switch", "Kitchen", CancellationToken.None);
        await Eventually.TrueAsync(() => env.Emulator.Home.Calls.Any(c => c.Service == "turn_on"));
        Assert.False(pending.IsCompleted);
        await Eventually.TrueAsync(() =>
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            return pending.IsCompleted;
        });

        var reply = await pending;
        Assert.Equal("Sorry, that didn't work: the device did not confirm the change.", reply.Speech);
    }

    [Fact]
    public async Task Value_rejected_by_home_assistant_is_spoken()
    {
        await using var env = await HomeAssistantTestEnvironment.StartAsync();

        var reply = await env.Conversation.HandleAsync("set the thermostat to 50 degrees", "Living Room", CancellationToken.None);

        Assert.False(Assert.Single(reply.Actions).Succeeded);
        Assert.Contains("Accepted range is 7 to 35", reply.Speech, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_device_name_gets_a_clear_answer()
    {
        await using var env = await HomeAssistantTestEnvironment.StartAsync();

        var reply = await env.Conversation.HandleAsync("turn on the jacuzzi", "Living Room", CancellationToken.None);
        var set = await env.Conversation.HandleAsync("set the sauna to 40", "Living Room", CancellationToken.None);

        Assert.Equal("Sorry, I don't know a device called \"jacuzzi\".", reply.Speech);
        Assert.Equal("Sorry, I don't know a device called \"sauna\".", set.Speech);
        Assert.Empty(reply.Actions);
        Assert.Empty(env.Emulator.Home.Calls);
    }

    [Fact]
    public async Task Shared_name_in_two_rooms_gets_a_question_then_the_choice_runs()
    {
        await using var env = await HomeAssistantTestEnvironment.StartAsync();
        env.Emulator.Home.Add(new EmulatedEntity { EntityId = "light.reading_lamp_bedroom", Name = "Reading Lamp", AreaId = "bedroom_id", State = "off" });
        env.Emulator.Home.Add(new EmulatedEntity { EntityId = "light.reading_lamp_office", Name = "Reading Lamp", AreaId = "office_id", State = "off" });
        await Eventually.TrueAsync(() => env.Client.Model.Snapshot.Entity("light.reading_lamp_office")?.AreaId is not null
            && env.Client.Model.Snapshot.Entity("light.reading_lamp_bedroom")?.AreaId is not null);

        var question = await env.Conversation.HandleAsync("turn on the reading lamp", "Kitchen", CancellationToken.None);
        Assert.Equal("Which Reading Lamp: the one in the bedroom or the one in the office?", question.Speech);
        Assert.Empty(question.Actions);

        var answer = await env.Conversation.HandleAsync("the one in the office", "Kitchen", CancellationToken.None);
        Assert.Equal(["light.reading_lamp_office"], Assert.Single(answer.Actions).EntityIds);
        Assert.Equal("off", env.Emulator.Home.Entity("light.reading_lamp_bedroom")!.State);
    }

    [Fact]
    public async Task State_question_is_answered_from_the_live_model()
    {
        await using var env = await HomeAssistantTestEnvironment.StartAsync();

        var reply = await env.Conversation.HandleAsync("is the front door locked?", "Kitchen", CancellationToken.None);

        Assert.Equal("Yes.", reply.Speech);
        Assert.Empty(env.Emulator.Home.Calls);
    }

    [Fact]
    public async Task Follow_up_with_only_a_place_repeats_the_last_command_there()
    {
        await using var env = await HomeAssistantTestEnvironment.StartAsync();
        env.Emulator.Home.Mutate("light.living_room_lamp", e => e.State = "off", "test");

        await env.Conversation.HandleAsync("turn on the kitchen lights", "Kitchen", CancellationToken.None);
        var reply = await env.Conversation.HandleAsync("in the living room too", "Kitchen", CancellationToken.None);

        var action = Assert.Single(reply.Actions);
        Assert.Equal(("light", "turn_on"), (action.Domain, action.Service));
        Assert.Equal(["light.living_room_lamp", "light.play_corner"], action.EntityIds.Order());
        Assert.Equal("on", env.Emulator.Home.Entity("light.living_room_lamp")!.State);
    }

    [Fact]
    public async Task Actually_make_it_a_value_applies_to_the_previous_devices()
    {
        await using var env = await HomeAssistantTestEnvironment.StartAsync();

        await env.Conversation.HandleAsync("turn on the bedroom lamp", "Kitchen", CancellationToken.None);
        var reply = await env.Conversation.HandleAsync("actually make it 70 %", "Kitchen", CancellationToken.None);

        var action = Assert.Single(reply.Actions);
        Assert.Equal(["light.bedroom_lamp"], action.EntityIds);
        Assert.Equal("{\"brightness_pct\":70}", action.Data);
    }

    [Fact]
    public async Task Room_context_expires_after_five_minutes()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var env = await HomeAssistantTestEnvironment.StartAsync(time: clock);

        await env.Conversation.HandleAsync("turn on the bedroom lamp", "Kitchen", CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(6));
        var reply = await env.Conversation.HandleAsync("dim them a bit", "kitchen_id", CancellationToken.None);

        var action = Assert.Single(reply.Actions);
        Assert.Equal(["light.kitchen_cabinets", "light.kitchen_ceiling", "light.kitchen_countertop"], action.EntityIds.Order());
    }

    [Fact]
    public async Task A_home_command_the_local_engine_does_not_know_goes_to_home_assistants_agent()
    {
        // Hidden from assistants in the registry (Jarvis leaves it out), yet HA's own agent knows it.
        var home = EmulatedHome.FromFixtures(CorpusPaths.Fixtures);
        home.Add(new EmulatedEntity { EntityId = "switch.hot_tub", Name = "Jacuzzi", HiddenBy = "user", State = "off" });
        await using var env = await HomeAssistantTestEnvironment.StartAsync(home: home);

        var reply = await env.Conversation.HandleAsync("turn on the jacuzzi", "Kitchen", CancellationToken.None);

        Assert.Equal("Turned on Jacuzzi", Assert.IsType<HomeDone>(reply).Confirmation);
        Assert.Equal("turn on the jacuzzi", Assert.Single(env.Emulator.Home.ConversationQueries));
        Assert.Equal("on", env.Emulator.Home.Entity("switch.hot_tub")!.State);
    }

    [Theory]
    [InlineData("what time is it")]
    [InlineData("tell me a joke about penguins")]
    [InlineData("set a timer for five minutes")]
    public async Task What_does_not_look_like_a_home_command_is_never_asked_of_home_assistants_agent(string sentence)
    {
        // HA's agent may be an LLM that answers anything: only home-looking sentences are worth the network call.
        await using var env = await HomeAssistantTestEnvironment.StartAsync();

        var reply = await env.Conversation.HandleAsync(sentence, "Kitchen", CancellationToken.None);

        Assert.IsType<HomeNotHandled>(reply);
        Assert.Empty(env.Emulator.Home.ConversationQueries);
        Assert.Empty(env.Emulator.Home.Calls);
    }

    [Fact]
    public async Task Question_follow_up_with_another_place_asks_again_there()
    {
        await using var env = await HomeAssistantTestEnvironment.StartAsync();

        var kitchen = await env.Conversation.HandleAsync("how many lights are on in the kitchen?", "Office", CancellationToken.None);
        var bedroom = await env.Conversation.HandleAsync("and in the bedroom?", "Office", CancellationToken.None);

        Assert.Equal("3.", kitchen.Speech);
        Assert.Equal("0.", bedroom.Speech);
    }

    [Fact]
    public async Task Sentence_not_about_the_home_is_not_handled_after_ha_fallback()
    {
        await using var env = await HomeAssistantTestEnvironment.StartAsync();

        var reply = await env.Conversation.HandleAsync("tell me a joke about penguins", "Kitchen", CancellationToken.None);
        var thanks = await env.Conversation.HandleAsync("thanks", "Kitchen", CancellationToken.None);

        Assert.False(reply.Handled);
        Assert.False(thanks.Handled);
    }
}
