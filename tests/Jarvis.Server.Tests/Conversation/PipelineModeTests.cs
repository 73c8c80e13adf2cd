using Jarvis.Server.Answering;
using Jarvis.Server.Conversation;
using Jarvis.Server.PersonaPlex;
using Jarvis.Server.Rooms;
using Jarvis.Server.Tests.Hub;

namespace Jarvis.Server.Tests.Conversation;

public sealed class PipelineModeTests
{
    [Fact]
    public async Task A_command_said_in_the_same_breath_as_the_wake_is_answered()
    {
        await using var env = await DuplexHandoffTests.StartWarmAsync("Pipeline");
        var kitchen = await env.KitchenAsync();
        env.Asr.Transcript = "Turn on the kitchen lights";

        // The user is already speaking when the conversation starts (wake word or button mid-sentence).
        await kitchen.VoiceAsync(true, 0.9);
        await ConversationFixture.ConverseAsync(kitchen);
        foreach (var packet in Jarvis.Server.Tests.PersonaPlex.Support.TestPackets.Tone(15))
        {
            await kitchen.SendAudioAsync(packet);
        }

        await kitchen.VoiceAsync(false, 0);

        var home = await env.TurnAsync("Turn on the kitchen lights");
        Assert.Equal(("home", true), (home.Handling, home.Spoke));
    }

    [Fact]
    public async Task Pipeline_mode_answers_questions_home_commands_and_chit_chat_with_speech_and_no_PersonaPlex_session()
    {
        await using var env = await DuplexHandoffTests.StartWarmAsync("Pipeline");
        env.Ollama.Answer = _ => "Sunlight bends in raindrops. Each colour bends differently.";
        var kitchen = await env.KitchenAsync();
        await ConversationFixture.ConverseAsync(kitchen);
        await Eventually.TrueAsync(() => env.Get<LiveConversations>().ModeIn("kitchen") == TurnMode.Pipeline, "the conversation runs on the pipeline");
        // The idle session stays PersonaPlex's own (warm, or reconnecting when it is replaced): the room never joins it.
        Assert.NotEqual(PersonaPlexState.InConversation, env.Get<IPersonaPlexSessions>().GetStatus()[0].State);

        const string question = "Explain how a rainbow forms in detail";
        await env.SayAsync(kitchen, question);
        var turn = await env.TurnAsync(question);
        Assert.Equal((TurnMode.Pipeline, "llm", true), (turn.Mode, turn.Handling, turn.Spoke));
        Assert.NotNull(turn.EndOfSpeechToTranscript);
        Assert.NotNull(turn.EndOfSpeechToFirstAudio);

        await env.SayAsync(kitchen, "Turn on the kitchen lights");
        var home = await env.TurnAsync("Turn on the kitchen lights");
        Assert.Equal(("home", true), (home.Handling, home.Spoke));
        Assert.Contains(env.Home.Calls, call => (call.Domain, call.Service) == ("light", "turn_on") && call.Targets.Contains("light.kitchen_ceiling"));
        await Eventually.TrueAsync(() => env.Tts.Spoken.Contains("Done."), "the home reply is spoken");

        await env.SayAsync(kitchen, "Thanks a lot");
        var thanks = await env.TurnAsync("Thanks a lot");
        Assert.True(thanks.Spoke);
        await Eventually.TrueAsync(() => env.Get<Jarvis.Server.Status.MetricsRegistry>().WriteText().Contains("jarvis_conversation_turns_total{mode=\"pipeline\",route=\"deep\",handling=\"llm\",interrupted=\"false\"} 1", StringComparison.Ordinal),
            "the turns are in /metrics by mode");
    }

    [Fact]
    public async Task Duplex_falls_back_to_the_pipeline_while_PersonaPlex_is_down_and_returns_when_it_is_back()
    {
        await using var env = await DuplexHandoffTests.StartWarmAsync();
        var kitchen = await env.KitchenAsync();
        var port = env.PersonaPlex.Port;
        await env.PersonaPlex.StopAsync();
        await Eventually.TrueAsync(() => env.Get<IPersonaPlexSessions>().GetStatus()[0].State is PersonaPlexState.Backoff, "PersonaPlex is seen down");

        await ConversationFixture.ConverseAsync(kitchen);
        await Eventually.TrueAsync(() => env.Get<LiveConversations>().ModeIn("kitchen") == TurnMode.Pipeline, "the conversation runs on the pipeline");
        await env.SayAsync(kitchen, "What is the capital of France");
        var fallback = await env.TurnAsync("What is the capital of France");
        Assert.Equal((TurnMode.Pipeline, true), (fallback.Mode, fallback.Spoke));
        env.Get<ConversationCoordinator>().EndConversation("kitchen", "test over", error: false);
        await Eventually.TrueAsync(() => kitchen.Last<Jarvis.Protocol.Link.Messages.ConversationMessage>()?.Active == false, "the conversation ends");

        await env.PersonaPlex.StartAsync(port);
        await Eventually.TrueAsync(() => env.Get<IPersonaPlexSessions>().GetStatus()[0].State == PersonaPlexState.Warm, "PersonaPlex is back", TimeSpan.FromSeconds(20));
        await ConversationFixture.ConverseAsync(kitchen);
        await Eventually.TrueAsync(() => env.Get<LiveConversations>().Modes().GetValueOrDefault("kitchen") == "duplex", "the conversation runs on PersonaPlex");
        var heard = kitchen.AudioReceived;
        await Eventually.TrueAsync(() => kitchen.AudioReceived >= heard + 5, "PersonaPlex is heard");
        await env.SayAsync(kitchen, "Yeah, that sounds good");
        var duplex = await env.TurnAsync("Yeah, that sounds good");
        Assert.Equal((TurnMode.Duplex, "passed"), (duplex.Mode, duplex.Handling));
    }

    [Fact]
    public async Task An_utterance_without_a_voice_stop_ends_after_the_end_of_turn_timeout()
    {
        await using var env = await DuplexHandoffTests.StartWarmAsync("Pipeline");
        var kitchen = await env.KitchenAsync();
        await ConversationFixture.ConverseAsync(kitchen);

        env.Asr.Transcript = "What time is it";
        await kitchen.VoiceAsync(true, 0.9);
        foreach (var packet in Jarvis.Server.Tests.PersonaPlex.Support.TestPackets.Tone(10))
        {
            await kitchen.SendAudioAsync(packet);
        }

        var turn = await env.TurnAsync("What time is it");
        Assert.Equal(TurnMode.Pipeline, turn.Mode);
        Assert.True(env.Asr.LastAudio.Length >= 10 * 320 * 2, "the decoded 16 kHz audio reached the recogniser");
    }
}
