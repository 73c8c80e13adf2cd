using Jarvis.Protocol.Link.Messages;
using Jarvis.Server.Answering;
using Jarvis.Server.Conversation;
using Jarvis.Server.Status;
using Jarvis.Server.Tests.Hub;
using Jarvis.Server.Wyoming;

namespace Jarvis.Server.Tests.Conversation;

/// <summary>
/// Issue 19 through the real server and link, in both modes: a transcript that carries no request gets no answer and no
/// backend call and is recorded as ignored; an interruption aborts everything the answer had in flight.
/// </summary>
public sealed class NoRequestTests
{
    private const string Question = "Explain quantum physics to me in detail";

    [Theory]
    [InlineData("Pipeline")]
    [InlineData("Duplex")]
    public async Task Transcripts_without_a_request_get_no_answer_and_no_backend_call_and_are_recorded_as_ignored(string mode)
    {
        await using var env = await DuplexHandoffTests.StartWarmAsync(mode);
        var kitchen = await env.KitchenAsync();
        await ConversationFixture.ConverseAsync(kitchen);
        var expected = mode == "Duplex" ? TurnMode.Duplex : TurnMode.Pipeline;
        await Eventually.TrueAsync(() => env.Get<LiveConversations>().Modes().GetValueOrDefault("kitchen") == mode.ToLowerInvariant(), $"the conversation runs in {mode} mode");

        string[] noRequests = ["", "Thank you.", "[music]", "um"];
        foreach (var transcript in noRequests)
        {
            var turn = await env.TalkAsync(kitchen, transcript);

            Assert.Equal((expected, "ignored", "ignored", false, false), (turn.Mode, turn.Route, turn.Handling, turn.Spoke, turn.Interrupted));
            Assert.False(string.IsNullOrEmpty(turn.IgnoredBecause));
        }

        Assert.Equal(["empty", "hallucination \"thank you\"", "non-speech \"[music]\"", "fillers \"um\""],
            noRequests.Select(t => env.Turns.Single(r => r.Transcript == t).IgnoredBecause));
        Assert.Equal(0, env.Ollama.AnswerCount);
        Assert.Empty(env.Tts.Spoken);
        Assert.DoesNotContain(env.Tts.Received, e => e.Type is WyomingEventTypes.Synthesize or WyomingEventTypes.SynthesizeStart);
        Assert.Empty(env.Home.Calls);
        Assert.Empty(env.Home.ConversationQueries);
        Assert.Empty(kitchen.Messages.OfType<FlushMessage>());
        var metrics = env.Get<MetricsRegistry>().WriteText();
        Assert.Contains($"jarvis_conversation_turns_total{{mode=\"{mode.ToLowerInvariant()}\",route=\"ignored\",handling=\"ignored\",interrupted=\"false\"}} 4", metrics, StringComparison.Ordinal);

        // A request after them is answered as usual.
        var lights = await env.TalkAsync(kitchen, "Turn on the kitchen lights");
        Assert.Equal(("home", "home"), (lights.Route, lights.Handling));
        Assert.Contains(env.Home.Calls, call => (call.Domain, call.Service) == ("light", "turn_on"));
    }

    [Theory]
    [InlineData("Pipeline")]
    [InlineData("Duplex")]
    public async Task Speaking_over_a_long_answer_aborts_the_Ollama_request_and_nothing_of_it_reaches_the_satellite_after_the_flush(string mode)
    {
        await using var env = await DuplexHandoffTests.StartWarmAsync(mode);
        env.Ollama.Answer = _ => string.Join(" ", Enumerable.Repeat("This sentence goes on about physics for a while.", 40));
        env.Ollama.TokenDelay = TimeSpan.FromMilliseconds(30);
        var kitchen = await env.KitchenAsync();
        await ConversationFixture.ConverseAsync(kitchen);
        await Eventually.TrueAsync(() => env.Get<LiveConversations>().Modes().GetValueOrDefault("kitchen") == mode.ToLowerInvariant(), $"the conversation runs in {mode} mode");

        await env.SayAsync(kitchen, Question);
        await Eventually.TrueAsync(() => AnswerPackets(kitchen.Audio) >= 10, "the answer plays in the kitchen");
        var flushes = kitchen.AudioBeforeFlush.Count;

        // The user speaks over it ("Wait, hold on a second please"), and the recogniser hears nothing in it.
        env.Asr.Transcript = "";
        await kitchen.VoiceAsync(true, 0.9);
        foreach (var packet in Jarvis.Server.Tests.PersonaPlex.Support.TestPackets.Tone(15))
        {
            await kitchen.SendAudioAsync(packet);
        }

        await kitchen.VoiceAsync(false, 0);

        var interrupted = await env.TurnAsync(Question);
        Assert.Equal((true, "deep", "llm"), (interrupted.Interrupted, interrupted.Route, interrupted.Handling));
        var ignored = await env.TurnAsync("");
        Assert.Equal(("ignored", false), (ignored.Route, ignored.Spoke));
        await Eventually.TrueAsync(() => !env.Ollama.AbortedMidStream.IsEmpty, "Ollama sees the client abort the answer's request");
        var (sent, total) = Assert.Single(env.Ollama.AbortedMidStream);
        Assert.True(sent < total, $"the stream was aborted mid-way ({sent} of {total} tokens)");
        Assert.Equal((0, 1), (env.Ollama.CompletedStreams, env.Ollama.AnswerCount));
        await Eventually.TrueAsync(() => env.Tts.AbandonedSyntheses == 1, "the pending synthesis is closed");
        await Eventually.TrueAsync(() => env.Get<MetricsRegistry>().WriteText().Contains(
            $"jarvis_conversation_turns_total{{mode=\"{mode.ToLowerInvariant()}\",route=\"deep\",handling=\"llm\",interrupted=\"true\"}} 1", StringComparison.Ordinal),
            "the interrupted deep turn is in /metrics");

        Assert.True(kitchen.AudioBeforeFlush.Count > flushes, "playback is flushed");
        var flushedAt = kitchen.AudioBeforeFlush[flushes];
        Assert.Equal(0, AnswerPackets(kitchen.Audio.Skip(flushedAt)));
    }

    /// <summary>
    /// Packets of a synthesised answer: single 20 ms Opus frames (the room encoder's). PersonaPlex's packets, which the room
    /// hears again after a duplex answer, are 80 ms (four frames).
    /// </summary>
    private static int AnswerPackets(IEnumerable<byte[]> packets) => packets.Count(p => OpusPacketMilliseconds(p) == 20);

    private static double OpusPacketMilliseconds(byte[] packet)
    {
        if (packet.Length == 0)
        {
            return 0;
        }

        var config = packet[0] >> 3;
        var frameMs = config switch
        {
            < 12 => new[] { 10.0, 20, 40, 60 }[config % 4],
            < 16 => new[] { 10.0, 20 }[config % 2],
            _ => new[] { 2.5, 5, 10, 20 }[config % 4],
        };
        var frames = (packet[0] & 3) switch
        {
            0 => 1,
            1 or 2 => 2,
            _ => packet.Length > 1 ? packet[1] & 0x3F : 0,
        };
        return frameMs * frames;
    }
}
