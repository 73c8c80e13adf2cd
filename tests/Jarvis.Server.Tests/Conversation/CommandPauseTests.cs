using Jarvis.Server.Conversation;
using Jarvis.Server.Tests.Hub;
using TestPackets = Jarvis.Server.Tests.PersonaPlex.Support.TestPackets;

namespace Jarvis.Server.Tests.Conversation;

/// <summary>
/// The pause after a command (<c>Conversation:CommandPause</c>, 300 ms): through the real server and link with the simulated
/// kitchen satellite and the Wyoming and Home Assistant emulators. The satellite's voice stop comes 800 ms after the speech;
/// a whole home command is carried out at its pause, before it. End of turn without a stop is 10 s here, so nothing but the
/// pause can end an utterance within the 5 s the tests wait.
/// </summary>
public sealed class CommandPauseTests
{
    private static readonly TimeSpan BeforeTheEndOfTurn = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData("Duplex")]
    [InlineData("Pipeline")]
    public async Task A_whole_home_command_is_carried_out_at_its_pause_before_the_voice_stop(string mode)
    {
        await using var env = await StartAsync(mode);
        var kitchen = await ConverseAsync(env, mode);
        var recognitions = Recognise(env, _ => "Turn on the kitchen lights");

        await kitchen.VoiceAsync(true, 0.9);
        await SendAsync(kitchen, TestPackets.Tone(15));
        await SendAsync(kitchen, TestPackets.Silence(20));
        await Eventually.TrueAsync(() => !env.Home.Calls.IsEmpty, "the command is carried out at its pause", BeforeTheEndOfTurn);
        var on = Assert.Single(env.Home.Calls);
        Assert.Equal(("light", "turn_on", "light.kitchen_ceiling"), (on.Domain, on.Service, string.Join(',', on.Targets)));
        Assert.Equal(1, recognitions.Count);

        // The satellite's stop, 800 ms later, answers nothing more: the next command is the next turn.
        await kitchen.VoiceAsync(false, 0);
        Recognise(env, _ => "Turn off the kitchen lights");
        await env.TalkAsync(kitchen, "Turn off the kitchen lights");
        Assert.Equal(["Turn on the kitchen lights", "Turn off the kitchen lights"], env.Turns.Select(t => t.Transcript));
        Assert.Equal(["turn_on", "turn_off"], env.Home.Calls.Select(c => c.Service));
    }

    [Fact]
    public async Task What_may_go_on_waits_for_the_end_of_the_utterance()
    {
        await using var env = await StartAsync("Pipeline");
        var kitchen = await ConverseAsync(env, "Pipeline");
        Recognise(env, _ => "It's getting dark");
        await env.TalkAsync(kitchen, "It's getting dark");

        // "Yeah" at the pause answers the offer, but a place may follow: it waits, and the place counts.
        var recognitions = Recognise(env, audio => audio < TimeSpan.FromMilliseconds(800) ? "Yeah" : "Yeah, in the living room");
        await kitchen.VoiceAsync(true, 0.9);
        await SendAsync(kitchen, TestPackets.Tone(15));
        await SendAsync(kitchen, TestPackets.Silence(20));
        await Eventually.TrueAsync(() => recognitions.Count == 1, "what was said up to the pause is transcribed", BeforeTheEndOfTurn);
        await SendAsync(kitchen, TestPackets.Tone(15));
        await kitchen.VoiceAsync(false, 0);
        var on = await env.TurnAsync("Yeah, in the living room");
        Assert.Equal(("home", "done"), (on.Handling, on.Home));
        var call = Assert.Single(env.Home.Calls);
        Assert.Equal("light.living_room_ceiling,light.living_room_lamp", string.Join(',', call.Targets.Order()));
        Assert.DoesNotContain(env.Turns, t => t.Transcript == "Yeah");

        // A question for the assistant is answered once, at the end.
        recognitions = Recognise(env, _ => "Tell me a joke");
        await kitchen.VoiceAsync(true, 0.9);
        await SendAsync(kitchen, TestPackets.Tone(15));
        await SendAsync(kitchen, TestPackets.Silence(20));
        await Eventually.TrueAsync(() => recognitions.Count == 1, "what was said up to the pause is transcribed", BeforeTheEndOfTurn);
        await kitchen.VoiceAsync(false, 0);
        await env.TurnAsync("Tell me a joke");
        Assert.Equal(2, recognitions.Count);

        // A short sound is no speech to pause after: nothing is transcribed ahead.
        recognitions = Recognise(env, _ => "Turn on the kitchen lights");
        await kitchen.VoiceAsync(true, 0.9);
        await SendAsync(kitchen, TestPackets.Tone(5));
        await SendAsync(kitchen, TestPackets.Silence(20));
        await kitchen.VoiceAsync(false, 0);
        await env.TurnAsync("Turn on the kitchen lights");
        Assert.Equal(1, recognitions.Count);
        Assert.Single(env.Turns, t => t.Transcript == "Tell me a joke");
    }

    [Fact]
    public async Task Going_on_after_a_command_answered_at_its_pause_is_a_new_utterance()
    {
        await using var env = await StartAsync("Pipeline");
        var kitchen = await ConverseAsync(env, "Pipeline");
        var recognitions = Recognise(env, _ => "Turn on the kitchen lights");

        await kitchen.VoiceAsync(true, 0.9);
        await SendAsync(kitchen, TestPackets.Tone(15));
        await SendAsync(kitchen, TestPackets.Silence(20));
        await Eventually.TrueAsync(() => !env.Home.Calls.IsEmpty, "the command is carried out at its pause", BeforeTheEndOfTurn);

        Recognise(env, _ => "Lock the front door");
        await SendAsync(kitchen, TestPackets.Tone(15));
        await kitchen.VoiceAsync(false, 0);
        var next = await env.TurnAsync("Lock the front door");
        Assert.Equal(("home", "done"), (next.Handling, next.Home));
        Assert.Equal([("light", "turn_on"), ("lock", "lock")], env.Home.Calls.Select(c => (c.Domain, c.Service)));
        Assert.Equal(1, recognitions.Count);
    }

    private static Task<ConversationFixture> StartAsync(string mode) =>
        DuplexHandoffTests.StartWarmAsync(mode, new Dictionary<string, string?> { ["Conversation:EndOfTurnTimeout"] = "00:00:10" });

    private static async Task<SimulatedSatellite> ConverseAsync(ConversationFixture env, string mode)
    {
        var kitchen = await env.KitchenAsync();
        await ConversationFixture.ConverseAsync(kitchen);
        await Eventually.TrueAsync(() => env.Get<LiveConversations>().ModeIn("kitchen")?.ToString() == mode, $"the conversation runs in {mode} mode");
        return kitchen;
    }

    /// <summary>From now on the ASR emulator answers with <paramref name="transcript"/> of the audio's length; counts recognitions.</summary>
    private static RecognitionCount Recognise(ConversationFixture env, Func<TimeSpan, string> transcript)
    {
        var count = new RecognitionCount();
        env.Asr.Transcriber = (audio, format) =>
        {
            count.Increment();
            return transcript(format.Duration(audio.Length));
        };
        return count;
    }

    private static async Task SendAsync(SimulatedSatellite satellite, IReadOnlyList<byte[]> packets)
    {
        foreach (var packet in packets)
        {
            await satellite.SendAudioAsync(packet);
        }
    }

    private sealed class RecognitionCount
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Increment() => Interlocked.Increment(ref _count);
    }
}
