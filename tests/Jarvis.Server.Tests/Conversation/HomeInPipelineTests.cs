using System.Globalization;
using System.Text.Json.Nodes;
using Jarvis.Server.Conversation;
using Jarvis.Server.Llm;
using Jarvis.Server.Tests.Emulators.Ollama;
using Jarvis.Server.Tests.Hub;

namespace Jarvis.Server.Tests.Conversation;

/// <summary>
/// The home in pipeline mode (ASR → home engine / router → TTS), through the real server and link with the simulated kitchen
/// satellite and the Wyoming, Ollama and Home Assistant emulators: every line is spoken, nothing empty reaches the TTS.
/// </summary>
public sealed class HomeInPipelineTests
{
    [Fact]
    public async Task The_plan_dialogue_offers_after_the_observation_then_turns_on_dims_and_closes()
    {
        await using var env = await StartAsync();
        var kitchen = await ConverseAsync(env);

        var offer = await env.TalkAsync(kitchen, "It's getting dark");
        Assert.Equal(("home", "offer", true), (offer.Handling, offer.Home, offer.Spoke));
        Assert.Empty(env.Home.Calls);

        var on = await env.TalkAsync(kitchen, "Yeah, in the living room");
        Assert.Equal(("home", "done"), (on.Handling, on.Home));
        var turnOn = Assert.Single(env.Home.Calls);
        Assert.Equal(("light", "turn_on", "light.living_room_ceiling,light.living_room_lamp"), (turnOn.Domain, turnOn.Service, string.Join(',', turnOn.Targets.Order())));

        var dim = await env.TalkAsync(kitchen, "Actually, dim them a bit");
        Assert.Equal("home", dim.Handling);
        Assert.Equal("{\"brightness_step_pct\":-30}", env.Home.Calls.Last().Data.ToJsonString());
        Assert.All(turnOn.Targets, id => Assert.InRange(Brightness(env, id), 178, 179));

        var perfect = await env.TalkAsync(kitchen, "Perfect");
        Assert.Equal(("home", "thanks"), (perfect.Handling, perfect.Home));
        Assert.Equal(2, env.Home.Calls.Count);
        await Eventually.TrueAsync(() => env.Tts.Spoken.Count == 4, "the four replies are spoken");
        Assert.Equal(["Want me to turn on some lights?", "Done.", "Done.", "Glad to help."], env.Tts.Spoken);
    }

    [Fact]
    public async Task Every_command_class_reaches_home_assistant_and_its_reply_is_spoken()
    {
        await using var env = await StartAsync();
        var kitchen = await ConverseAsync(env);

        foreach (var command in HomeCommandClasses.All)
        {
            var calls = env.Home.Calls.Count;
            var spoken = env.Tts.Spoken.Count;
            var turn = await env.TalkAsync(kitchen, command.Said);
            Assert.True(turn.Handling == "home" && turn.Spoke, $"'{command}' was {turn.Handling} (spoke: {turn.Spoke})");
            var reply = Assert.Single(env.Tts.Spoken.Skip(spoken));
            if (command.IsQuestion)
            {
                Assert.Equal(command.Data, reply);
                Assert.Equal(calls, env.Home.Calls.Count);
                continue;
            }

            Assert.True(turn.Home == "done", $"'{command}': {turn.Home} \"{turn.AnswerText}\"");
            var call = Assert.Single(env.Home.Calls.Skip(calls));
            Assert.Equal((command.Domain, command.Service, string.Join(',', command.Targets)), (call.Domain, call.Service, string.Join(',', call.Targets.Order())));
            Assert.Contains(command.Data ?? "", call.Data.ToJsonString(), StringComparison.Ordinal);
            Assert.Equal(turn.AnswerText, reply);
        }
    }

    [Fact]
    public async Task What_the_home_engine_does_not_take_gets_a_canned_or_llm_answer_and_nothing_empty_is_spoken()
    {
        await using var env = await StartAsync();
        env.Ollama.Answer = _ => "Why did the lamp go to school? To get brighter.";
        var kitchen = await ConverseAsync(env);

        var joke = await env.TalkAsync(kitchen, "Tell me a joke");
        var thanks = await env.TalkAsync(kitchen, "Thanks a lot");

        Assert.Equal(("llm", null, true), (joke.Handling, joke.Home, joke.Spoke));
        Assert.Equal(("canned", true), (thanks.Handling, thanks.Spoke));
        Assert.Equal(["Why did the lamp go to school?", "To get brighter.", "You're welcome."], env.Tts.Spoken);
        Assert.Empty(env.Tts.ProtocolErrors);
        Assert.Empty(env.Home.Calls);
        Assert.Empty(env.Home.ConversationQueries);
    }

    [Fact]
    public async Task A_mid_stream_llm_failure_keeps_the_spoken_sentence_drops_the_fragment_and_apologises_apart()
    {
        await using var env = await StartAsync();
        const string answer = "Here it is. Here is an example that never ends.";
        env.Ollama.Answer = _ => answer;
        var tokens = OllamaTokens.Split(answer);
        env.Ollama.FailAfterTokens = Enumerable.Range(1, tokens.Count).First(n => string.Concat(tokens.Take(n)).EndsWith(" an", StringComparison.Ordinal));
        var kitchen = await ConverseAsync(env);

        var turn = await env.TalkAsync(kitchen, "Explain in detail what an example is");

        Assert.Equal(("llm", true, true), (turn.Handling, turn.Fallback, turn.Spoke));
        Assert.Equal(["Here it is.", Apologies.CutShort.Trim()], env.Tts.Spoken);
        Assert.Equal("Here it is. " + Apologies.CutShort.Trim(), turn.AnswerText);
    }

    private static async Task<ConversationFixture> StartAsync() => await DuplexHandoffTests.StartWarmAsync("Pipeline");

    private static async Task<SimulatedSatellite> ConverseAsync(ConversationFixture env)
    {
        var kitchen = await env.KitchenAsync();
        await ConversationFixture.ConverseAsync(kitchen);
        await Eventually.TrueAsync(() => env.Get<LiveConversations>().ModeIn("kitchen") == TurnMode.Pipeline, "the conversation runs on the pipeline");
        return kitchen;
    }

    private static double Brightness(ConversationFixture env, string entityId) =>
        env.Home.Entity(entityId)?.Attributes["brightness"] is JsonNode b ? double.Parse(b.ToJsonString(), CultureInfo.InvariantCulture) : 0;
}
