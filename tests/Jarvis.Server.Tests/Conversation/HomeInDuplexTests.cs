using System.Globalization;
using System.Text.Json.Nodes;
using Jarvis.Protocol.Link.Messages;
using Jarvis.Protocol.Opus;
using Jarvis.Server.Conversation;
using Jarvis.Server.Tests.Hub;

namespace Jarvis.Server.Tests.Conversation;

/// <summary>
/// Home Assistant inside the duplex conversation, through the real server and link (simulated kitchen satellite), with the
/// PersonaPlex emulator saying scripted words, the Wyoming and Ollama emulators and the Home Assistant emulator.
/// </summary>
public sealed class HomeInDuplexTests
{
    /// <summary>Room audio is 20 ms Opus at 24 kHz (earcon, TTS); PersonaPlex's packets are 80 ms.</summary>
    private const int RoomPacketSamples = 480;

    [Fact]
    public async Task The_plan_dialogue_carries_out_the_models_offer_where_the_user_says_dims_the_same_lights_and_perfect_does_nothing()
    {
        await using var env = await StartAsync();
        var kitchen = await ConverseAsync(env);

        var observation = await env.TalkAsync(kitchen, "It's getting dark");
        Assert.Equal(("passed", TurnMode.Duplex), (observation.Handling, observation.Mode));
        Assert.Empty(env.Home.Calls);

        await env.ModelSaysAsync(kitchen, "Want me to turn on some lights?");
        var heard = kitchen.AudioReceived;
        var on = await env.TalkAsync(kitchen, "Yeah, in the living room");
        Assert.Equal(("home", "done"), (on.Handling, on.Home));
        var turnOn = Assert.Single(env.Home.Calls);
        Assert.Equal(("light", "turn_on"), (turnOn.Domain, turnOn.Service));
        Assert.Equal(["light.living_room_ceiling", "light.living_room_lamp"], turnOn.Targets.Order());
        await Eventually.TrueAsync(() => RoomPackets(kitchen, heard) == 10, "the kitchen hears the confirmation earcon");

        var dim = await env.TalkAsync(kitchen, "Actually, dim them a bit");
        Assert.Equal(("home", "done"), (dim.Handling, dim.Home));
        var dimCall = env.Home.Calls.Last();
        Assert.Equal(("light", "turn_on", "{\"brightness_step_pct\":-30}"), (dimCall.Domain, dimCall.Service, dimCall.Data.ToJsonString()));
        Assert.Equal(["light.living_room_ceiling", "light.living_room_lamp"], dimCall.Targets.Order());
        Assert.All(dimCall.Targets, id => Assert.InRange(Brightness(env, id), 178, 179)); // ≈ 70 % of 255

        var calls = env.Home.Calls.Count;
        heard = kitchen.AudioReceived;
        var perfect = await env.TalkAsync(kitchen, "Perfect");
        Assert.Equal(("home", "thanks"), (perfect.Handling, perfect.Home));
        Assert.Equal(calls, env.Home.Calls.Count);
        await Eventually.TrueAsync(() => kitchen.AudioReceived >= heard + 5, "PersonaPlex goes on talking");
        Assert.Equal(0, RoomPackets(kitchen, heard));

        Assert.Empty(env.Tts.Spoken);
        Assert.DoesNotContain(kitchen.Messages.OfType<FlushMessage>(), f => f.Reason == FlushReason.Cut);
    }

    [Fact]
    public async Task A_state_question_is_answered_aloud_with_PersonaPlex_cut_then_given_back()
    {
        await using var env = await StartAsync();
        var kitchen = await ConverseAsync(env);

        var flushes = kitchen.Messages.OfType<FlushMessage>().Count();
        var heard = kitchen.AudioReceived;
        var turn = await env.TalkAsync(kitchen, "Is the garage door open?");

        Assert.Equal(("home", "answer", true), (turn.Handling, turn.Home, turn.Spoke));
        Assert.Equal("Yes.", Assert.Single(env.Tts.Spoken));
        Assert.Empty(env.Home.Calls);
        var after = kitchen.Messages.OfType<FlushMessage>().Skip(flushes).ToList();
        Assert.Equal(FlushReason.Cut, Assert.Single(after).Reason);
        Assert.True(RoomPackets(kitchen, heard) > 0, "the answer's audio reaches the kitchen");

        var answered = kitchen.AudioReceived;
        await Eventually.TrueAsync(() => kitchen.Audio.Skip(answered).Count(p => OpusPacket.GetSampleCount(p, 24000) == 1920) >= 5,
            "PersonaPlex is heard again after the answer");
    }

    [Fact]
    public async Task Every_command_class_reaches_home_assistant_with_room_context_and_references()
    {
        await using var env = await StartAsync();
        var kitchen = await ConverseAsync(env);

        foreach (var command in HomeCommandClasses.All)
        {
            var calls = env.Home.Calls.Count;
            var spoken = env.Tts.Spoken.Count;
            var heard = kitchen.AudioReceived;
            var turn = await env.TalkAsync(kitchen, command.Said);
            Assert.True(turn.Handling == "home", $"'{command}' was {turn.Handling}, not the home's");
            if (command.IsQuestion)
            {
                Assert.Equal(("answer", command.Data), (turn.Home, env.Tts.Spoken.Skip(spoken).SingleOrDefault()));
                Assert.Equal(calls, env.Home.Calls.Count);
                continue;
            }

            Assert.True(turn.Home == "done", $"'{command}': {turn.Home} \"{turn.AnswerText}\"");
            var call = Assert.Single(env.Home.Calls.Skip(calls));
            Assert.Equal((command.Domain, command.Service, string.Join(',', command.Targets)), (call.Domain, call.Service, string.Join(',', call.Targets.Order())));
            Assert.Contains(command.Data ?? "", call.Data.ToJsonString(), StringComparison.Ordinal);
            Assert.Equal(spoken, env.Tts.Spoken.Count); // confirmed by the earcon, not by speech over PersonaPlex
            await Eventually.TrueAsync(() => RoomPackets(kitchen, heard) == 10, $"the earcon confirms '{command}'");
        }
    }

    [Fact]
    public async Task What_the_home_engine_does_not_take_is_left_to_PersonaPlex()
    {
        await using var env = await StartAsync();
        var kitchen = await ConverseAsync(env);
        var flushes = kitchen.Messages.OfType<FlushMessage>().Count();
        var heard = kitchen.AudioReceived;

        var turn = await env.TalkAsync(kitchen, "Tell me a joke");

        Assert.Equal(("passed", null), (turn.Handling, turn.Home));
        await Eventually.TrueAsync(() => kitchen.AudioReceived >= heard + 10, "PersonaPlex keeps the floor");
        Assert.Equal(0, RoomPackets(kitchen, heard));
        Assert.Equal(flushes, kitchen.Messages.OfType<FlushMessage>().Count());
        Assert.Empty(env.Tts.Spoken);
        Assert.Empty(env.Home.Calls);
        Assert.Empty(env.Home.ConversationQueries);
        Assert.Equal(0, env.Ollama.AnswerCount);
    }

    private static async Task<ConversationFixture> StartAsync() => await DuplexHandoffTests.StartWarmAsync();

    private static async Task<SimulatedSatellite> ConverseAsync(ConversationFixture env)
    {
        var kitchen = await env.KitchenAsync();
        await ConversationFixture.ConverseAsync(kitchen);
        await Eventually.TrueAsync(() => kitchen.AudioReceived >= 3, "the kitchen hears PersonaPlex");
        return kitchen;
    }

    /// <summary>Packets of room audio (earcon, TTS) the satellite received after the first <paramref name="from"/>.</summary>
    private static int RoomPackets(SimulatedSatellite satellite, int from) =>
        satellite.Audio.Skip(from).Count(p => OpusPacket.GetSampleCount(p, 24000) == RoomPacketSamples);

    private static double Brightness(ConversationFixture env, string entityId) =>
        env.Home.Entity(entityId)?.Attributes["brightness"] is JsonNode b ? double.Parse(b.ToJsonString(), CultureInfo.InvariantCulture) : 0;
}
