using Jarvis.Server.HomeAssistant;
using Microsoft.Extensions.DependencyInjection;

namespace Jarvis.Server.Tests.HomeAssistant;

/// <summary>
/// In duplex mode the model's words are the home engine's dialogue context: its offers (a question form and a command the
/// engine recognises) can be accepted, possibly with a place; other questions it asks replace them; the engine does not
/// make offers of its own there.
/// </summary>
public sealed class ModelWordsTests
{
    [Theory]
    [InlineData("Want me to turn on some lights?", "Yeah, in the living room", "turn_on", "light.living_room_lamp,light.play_corner")]
    [InlineData("Should I turn on the living room lights?", "Yes please", "turn_on", "light.living_room_lamp,light.play_corner")]
    [InlineData("Shall I dim the lights?", "Sure", "turn_on", "light.kitchen_cabinets,light.kitchen_ceiling,light.kitchen_countertop")]
    [InlineData("I can lock the back door if you like.", "Yes", "lock", "lock.back_door")]
    [InlineData("Do you want me to turn off the kitchen lights", "ok", "turn_off", "light.kitchen_cabinets,light.kitchen_ceiling,light.kitchen_countertop")]
    public async Task An_offer_the_model_made_is_carried_out_when_the_user_accepts(string offer, string reply, string service, string targets)
    {
        await using var env = await HomeAssistantTestEnvironment.StartAsync();
        env.Emulator.Home.Mutate("light.living_room_lamp", e => e.State = "off", "test");
        env.Emulator.Home.Mutate("light.play_corner", e => e.State = "off", "test");
        await Eventually.TrueAsync(() => env.Client.Model.State("light.play_corner")?.State == "off");
        ModelSays(env, "kitchen", offer);

        var outcome = await Duplex(env, reply, "kitchen");

        var done = Assert.IsType<HomeDone>(outcome);
        var action = Assert.Single(done.Actions);
        Assert.Equal((service, targets), (action.Service, string.Join(',', action.EntityIds.Order())));
        Assert.True(action.Succeeded, action.Error);
    }

    [Fact]
    public async Task A_later_question_of_the_model_replaces_its_offer()
    {
        await using var env = await HomeAssistantTestEnvironment.StartAsync();
        ModelSays(env, "kitchen", "Want me to turn off the lights? Anyway, how was your day?");

        var outcome = await Duplex(env, "Yeah, great", "kitchen");

        Assert.IsType<HomeNotHandled>(outcome);
        Assert.Empty(env.Emulator.Home.Calls);
    }

    [Fact]
    public async Task What_the_model_says_after_the_user_stopped_speaking_belongs_to_the_next_turn()
    {
        await using var env = await HomeAssistantTestEnvironment.StartAsync();
        ModelSays(env, "kitchen", "Want me to turn off the lights?");
        var endOfSpeech = TimeProvider.System.GetTimestamp();
        ModelSays(env, "kitchen", "Anything else?");

        var outcome = await env.Conversation.HandleAsync(new HomeRequest("Yes", "kitchen", EngineSpeaks: false, endOfSpeech), CancellationToken.None);

        Assert.IsType<HomeDone>(outcome);
        Assert.Equal("turn_off", Assert.Single(env.Emulator.Home.Calls).Service);
    }

    [Fact]
    public async Task Statements_of_the_model_are_not_commands()
    {
        await using var env = await HomeAssistantTestEnvironment.StartAsync();
        ModelSays(env, "kitchen", "I turned off the lights. That should help.");

        var outcome = await Duplex(env, "Yes", "kitchen");

        Assert.IsType<HomeNotHandled>(outcome);
        Assert.Empty(env.Emulator.Home.Calls);
    }

    [Fact]
    public async Task In_duplex_mode_the_engine_makes_no_offer_of_its_own_and_a_yes_is_the_models()
    {
        await using var env = await HomeAssistantTestEnvironment.StartAsync();

        var observation = await Duplex(env, "It's getting dark", "kitchen");
        var yes = await Duplex(env, "Yes", "kitchen");

        Assert.IsType<HomeNotHandled>(observation);
        Assert.IsType<HomeNotHandled>(yes);
        Assert.Empty(env.Emulator.Home.Calls);
    }

    [Fact]
    public async Task The_model_words_of_one_room_are_not_another_rooms()
    {
        await using var env = await HomeAssistantTestEnvironment.StartAsync();
        ModelSays(env, "office", "Want me to turn off the lights?");

        var outcome = await Duplex(env, "Yes", "kitchen");

        Assert.IsType<HomeNotHandled>(outcome);
        Assert.Empty(env.Emulator.Home.Calls);
    }

    /// <summary>The model's text pieces as PersonaPlex streams them: word-initial pieces with a leading space, punctuation attached.</summary>
    private static void ModelSays(HomeAssistantTestEnvironment env, string room, string words)
    {
        var listener = env.Host.Services.GetRequiredService<IModelWordsListener>();
        foreach (var word in words.Split(' '))
        {
            listener.OnModelWords(room, " " + word);
        }
    }

    private static Task<HomeOutcome> Duplex(HomeAssistantTestEnvironment env, string transcript, string room) =>
        env.Conversation.HandleAsync(new HomeRequest(transcript, room, EngineSpeaks: false), CancellationToken.None);
}
