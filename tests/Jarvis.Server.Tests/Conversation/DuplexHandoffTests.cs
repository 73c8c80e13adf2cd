using Jarvis.Protocol.Link.Messages;
using Jarvis.Server.Answering;
using Jarvis.Server.Conversation;
using Jarvis.Server.PersonaPlex;
using Jarvis.Server.Tests.Hub;

namespace Jarvis.Server.Tests.Conversation;

public sealed class DuplexHandoffTests
{
    private const string Question = "Explain quantum physics to me in detail";
    private const string Answer = "Tiny things act oddly. Waves and particles mix. That is all.";

    [Fact]
    public async Task A_complex_question_cuts_PersonaPlex_streams_the_answer_and_the_next_simple_utterance_is_PersonaPlexs_again()
    {
        await using var env = await StartWarmAsync();
        env.Ollama.Answer = _ => Answer;
        env.Ollama.TokenDelay = TimeSpan.FromMilliseconds(250);
        var kitchen = await env.KitchenAsync();
        await ConversationFixture.ConverseAsync(kitchen);
        await Eventually.TrueAsync(() => kitchen.AudioReceived >= 3, "the kitchen hears PersonaPlex");

        await env.SayAsync(kitchen, Question);
        await Eventually.TrueAsync(() => kitchen.Last<FlushMessage>()?.Reason == FlushReason.Cut, "PersonaPlex's audio is cut in the kitchen");
        var afterCut = kitchen.AudioReceived;
        await Eventually.TrueAsync(() => !env.Tts.Spoken.IsEmpty && kitchen.AudioReceived >= afterCut + 5, "the first sentence plays");
        Assert.Equal(0, env.Ollama.CompletedStreams);

        var turn = await env.TurnAsync(Question);
        Assert.Equal(("deep", "llm", TurnMode.Duplex), (turn.Route, turn.Handling, turn.Mode));
        Assert.True(turn.Spoke);
        Assert.NotNull(turn.FirstSentenceToFirstAudio);
        Assert.Equal(1, env.Ollama.AnswerCount);
        Assert.Contains(env.Tts.Spoken, text => text.Contains("Tiny things act oddly", StringComparison.Ordinal));

        var spoken = env.Tts.Spoken.Count;
        var heard = kitchen.AudioReceived;
        await env.SayAsync(kitchen, "Yeah, that sounds good");
        var simple = await env.TurnAsync("Yeah, that sounds good");
        Assert.Equal(("fast", "passed"), (simple.Route, simple.Handling));
        await Eventually.TrueAsync(() => kitchen.AudioReceived >= heard + 10, "PersonaPlex is heard again");
        Assert.Equal(spoken, env.Tts.Spoken.Count);
        Assert.Equal(1, env.Ollama.AnswerCount);
    }

    [Fact]
    public async Task A_repeated_question_replays_the_cached_answer_without_calling_Ollama()
    {
        await using var env = await StartWarmAsync();
        env.Ollama.Answer = _ => Answer;
        var kitchen = await env.KitchenAsync();
        await ConversationFixture.ConverseAsync(kitchen);

        await env.SayAsync(kitchen, Question);
        await env.TurnAsync(Question);
        var heard = kitchen.AudioReceived;
        var flushes = kitchen.Messages.OfType<FlushMessage>().Count();

        await env.SayAsync(kitchen, "explain QUANTUM physics to me, in detail!");
        var repeat = await env.TurnAsync("explain QUANTUM physics to me, in detail!");
        Assert.Equal(("cached", true), (repeat.Handling, repeat.Spoke));
        Assert.Equal(1, env.Ollama.AnswerCount);
        await Eventually.TrueAsync(() => kitchen.Messages.OfType<FlushMessage>().Count() > flushes, "PersonaPlex is cut for the replay too");
        await Eventually.TrueAsync(() => kitchen.AudioReceived > heard, "the cached answer reaches the kitchen");
    }

    [Fact]
    public async Task Speaking_over_a_long_answer_stops_it_at_once_and_gives_the_room_back()
    {
        await using var env = await StartWarmAsync();
        env.Ollama.Answer = _ => string.Join(" ", Enumerable.Repeat("This sentence goes on about physics for a while.", 12));
        env.Ollama.TokenDelay = TimeSpan.FromMilliseconds(30);
        var kitchen = await env.KitchenAsync();
        await ConversationFixture.ConverseAsync(kitchen);

        await env.SayAsync(kitchen, Question);
        await Eventually.TrueAsync(() => kitchen.Last<FlushMessage>()?.Reason == FlushReason.Cut, "PersonaPlex's audio is cut");
        var afterCut = kitchen.AudioReceived;
        await Eventually.TrueAsync(() => kitchen.AudioReceived >= afterCut + 5, "the answer plays");
        var flushes = kitchen.Messages.OfType<FlushMessage>().Count();

        await kitchen.VoiceAsync(true, 0.9);
        var turn = await env.TurnAsync(Question);
        Assert.True(turn.Interrupted);
        await Eventually.TrueAsync(() => kitchen.Messages.OfType<FlushMessage>().Count() > flushes, "playback is flushed");
        await kitchen.VoiceAsync(false, 0);
    }

    internal static async Task<ConversationFixture> StartWarmAsync(string mode = "Duplex", IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var env = await ConversationFixture.StartAsync(mode, overrides);
        await Eventually.TrueAsync(() => env.Get<IPersonaPlexSessions>().GetStatus()[0].State == PersonaPlexState.Warm, "PersonaPlex is warm");
        return env;
    }
}
