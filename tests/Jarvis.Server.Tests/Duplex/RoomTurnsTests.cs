using Jarvis.Protocol.Link.Messages;
using Jarvis.Server.Answering;
using Jarvis.Server.Conversation;
using Jarvis.Server.Tests.Emulators.Ollama;
using Jarvis.Server.Tests.Emulators.Wyoming;
using Jarvis.Server.Tests.Hub;
using TestPackets = Jarvis.Server.Tests.PersonaPlex.Support.TestPackets;

namespace Jarvis.Server.Tests.Duplex;

/// <summary>The hub feeding the speech pipeline: ASR, router, Ollama and TTS emulators, simulated satellites.</summary>
public sealed class RoomTurnsTests : IAsyncLifetime
{
    private readonly WyomingAsrEmulator _asr = new();
    private readonly WyomingTtsEmulator _tts = new() { SupportsStreaming = true };
    private OllamaEmulator _ollama = null!;

    public async Task InitializeAsync()
    {
        _asr.Start();
        _tts.Start();
        _ollama = await new OllamaEmulator().StartAsync();
        _ollama.Answer = _ => "Particles are waves.";
    }

    public async Task DisposeAsync()
    {
        await _asr.DisposeAsync();
        await _tts.DisposeAsync();
        await _ollama.DisposeAsync();
    }

    [Fact]
    public async Task In_pipeline_mode_what_the_user_says_in_the_room_is_answered_in_that_room()
    {
        _asr.Transcript = "Explain quantum physics in detail and compare it with classical mechanics";
        await using var server = await HubTestServer.StartAsync(Settings("Pipeline"));
        await using var kitchen = await SimulatedSatellite.ConnectAsync(server.LinkUri, "kitchen");
        await kitchen.WaitWelcomedAsync();
        await kitchen.LongPressAsync();
        await Eventually.TrueAsync(() => kitchen.Last<ConversationMessage>()?.Active == true, "the conversation starts");

        await kitchen.VoiceAsync(true, 0.9);
        foreach (var packet in TestPackets.Tone(25))
        {
            await kitchen.SendAudioAsync(packet);
        }

        await kitchen.VoiceAsync(false, 0.9);

        var turns = server.Get<TurnLog>();
        await Eventually.TrueAsync(() => turns.Recent().Any(t => t.Room == "kitchen" && t.Handling == "llm"), "the question is answered by the LLM");
        await Eventually.TrueAsync(() => kitchen.AudioReceived >= 10, "the answer is played in the kitchen");
        Assert.Equal(TurnMode.Pipeline, turns.Recent().Single(t => t.Room == "kitchen").Mode);
        Assert.True(_asr.LastAudio.Length >= 16000, "the kitchen's speech reached the recogniser as 16 kHz PCM");
    }

    [Fact]
    public async Task Speaking_again_interrupts_the_answer()
    {
        _asr.Transcript = "Explain quantum physics in detail and compare it with classical mechanics";
        _ollama.TokenDelay = TimeSpan.FromMilliseconds(200);
        await using var server = await HubTestServer.StartAsync(Settings("Pipeline"));
        await using var kitchen = await SimulatedSatellite.ConnectAsync(server.LinkUri, "kitchen");
        await kitchen.WaitWelcomedAsync();
        await kitchen.LongPressAsync();
        await Eventually.TrueAsync(() => kitchen.Last<ConversationMessage>()?.Active == true, "the conversation starts");
        await kitchen.VoiceAsync(true, 0.9);
        foreach (var packet in TestPackets.Tone(10))
        {
            await kitchen.SendAudioAsync(packet);
        }

        await kitchen.VoiceAsync(false, 0.9);
        await Eventually.TrueAsync(() => _ollama.ChatRequests.Any(r => r["messages"] is System.Text.Json.Nodes.JsonArray { Count: > 0 }), "the answer is being generated");

        await kitchen.VoiceAsync(true, 0.9);

        var turns = server.Get<TurnLog>();
        await Eventually.TrueAsync(() => turns.Recent().Any(t => t.Room == "kitchen" && t.Interrupted), "the answer is interrupted");
    }

    [Fact]
    public async Task In_a_PersonaPlex_conversation_a_deep_question_cuts_PersonaPlex_and_the_answer_plays_then_PersonaPlex_returns()
    {
        _asr.Transcript = "Explain quantum physics in detail and compare it with classical mechanics";
        var settings = Settings("Duplex");
        await using var hub = await DuplexFixture.StartAsync(settings);
        var kitchen = await hub.SatelliteAsync("kitchen");
        await kitchen.LongPressAsync();
        await DuplexFixture.ActiveAsync(kitchen);
        await Eventually.TrueAsync(() => kitchen.AudioReceived >= 3, "PersonaPlex is heard");

        await kitchen.VoiceAsync(true, 0.9);
        foreach (var packet in TestPackets.Tone(25))
        {
            await kitchen.SendAudioAsync(packet);
        }

        await kitchen.VoiceAsync(false, 0.9);

        await Eventually.TrueAsync(() => kitchen.Messages.OfType<FlushMessage>().Any(f => f.Reason == FlushReason.Cut), "PersonaPlex is cut for the handoff");
        var turns = hub.Server.Get<TurnLog>();
        await Eventually.TrueAsync(() => turns.Recent().Any(t => t.Room == "kitchen" && t.Handling == "llm" && t.Mode == TurnMode.Duplex), "the LLM answers");
        var afterAnswer = kitchen.AudioReceived;
        await Eventually.TrueAsync(() => kitchen.AudioReceived >= afterAnswer + 5, "PersonaPlex is heard again");
    }

    private Dictionary<string, string?> Settings(string mode) => new()
    {
        ["Conversation:Mode"] = mode,
        ["Speech:Asr:Uri"] = _asr.Uri.ToString(),
        ["Speech:Tts:Uri"] = _tts.Uri.ToString(),
        ["Ollama:Url"] = _ollama.Url.ToString(),
    };
}
