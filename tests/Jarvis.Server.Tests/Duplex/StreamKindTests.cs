using Jarvis.Protocol.Link.Messages;
using Jarvis.Server.Conversation;
using Jarvis.Server.Tests.Conversation;
using Jarvis.Server.Tests.Hub;

namespace Jarvis.Server.Tests.Duplex;

/// <summary>The server tells each satellite the kind of the audio it plays (real-time or burst), once per change.</summary>
public sealed class StreamKindTests
{
    [Fact]
    public async Task PersonaPlex_audio_is_announced_once_as_a_real_time_stream()
    {
        await using var hub = await DuplexFixture.StartAsync();
        var kitchen = await hub.SatelliteAsync("kitchen");
        await kitchen.LongPressAsync();
        await DuplexFixture.ActiveAsync(kitchen);
        foreach (var packet in PersonaPlex.Support.TestPackets.Tone(10))
        {
            await kitchen.SendAudioAsync(packet);
        }

        await Eventually.TrueAsync(() => kitchen.AudioReceived >= 5, "the kitchen hears PersonaPlex");

        Assert.Equal([StreamKind.RealTime], kitchen.Messages.OfType<StreamMessage>().Select(m => m.Kind));
    }

    [Fact]
    public async Task A_spoken_answer_is_announced_once_as_a_burst()
    {
        await using var env = await DuplexHandoffTests.StartWarmAsync("Pipeline");
        env.Ollama.Answer = _ => "Sunlight bends in raindrops. Each colour bends differently.";
        var kitchen = await env.KitchenAsync();
        await ConversationFixture.ConverseAsync(kitchen);
        await Eventually.TrueAsync(() => env.Get<LiveConversations>().ModeIn("kitchen") == TurnMode.Pipeline, "the conversation runs on the pipeline");

        await env.SayAsync(kitchen, "Explain how a rainbow forms in detail");
        await env.TurnAsync("Explain how a rainbow forms in detail");
        await Eventually.TrueAsync(() => kitchen.AudioReceived >= 5, "the kitchen hears the answer");

        Assert.Equal([StreamKind.Burst], kitchen.Messages.OfType<StreamMessage>().Select(m => m.Kind));
    }
}
