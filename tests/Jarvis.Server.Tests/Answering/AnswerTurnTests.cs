using Jarvis.Protocol.Opus;
using Jarvis.Server.Llm;
using Jarvis.Server.Answering;
using Jarvis.Server.Conversation;
using Jarvis.Server.HomeAssistant;
using Jarvis.Server.Speech;
using Jarvis.Server.Tests.Emulators;
using Jarvis.Server.Wyoming;

namespace Jarvis.Server.Tests.Answering;

public sealed class AnswerTurnTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private AnswerEnvironment _env = null!;

    public async Task InitializeAsync() => _env = await AnswerEnvironment.StartAsync();

    public async Task DisposeAsync() => await _env.DisposeAsync();

    private Task<TurnRecord> Run(string transcript, RecordingRoomSink sink, TurnMode mode = TurnMode.Pipeline, CancellationToken ct = default) =>
        _env.Turn.RunAsync(new TurnRequest(sink.Room, transcript, mode), sink, ct).WaitAsync(Deadline);

    [Fact]
    public async Task A_deep_question_is_spoken_sentence_by_sentence_before_the_llm_has_finished()
    {
        _env.Ollama.Answer = _ => "Quantum physics studies tiny particles. They behave like waves. Measurement changes them. That is the short version. "
            + string.Join(" ", Enumerable.Range(1, 6).Select(i => $"Here is extra detail number {i}."));
        _env.Ollama.TokenDelay = TimeSpan.FromMilliseconds(40);
        var sink = new RecordingRoomSink();
        var llmDoneAtFirstPacket = -1;
        sink.OnFirstPacket = () => llmDoneAtFirstPacket = Volatile.Read(ref _env.Ollama.CompletedStreams);

        var turn = await Run("Explain quantum physics", sink);

        Assert.Equal("llm", turn.Handling);
        Assert.Equal("deep", turn.Route);
        Assert.Equal(0, llmDoneAtFirstPacket);
        Assert.Equal(1, _env.Ollama.CompletedStreams);
        Assert.Equal(10, _env.Tts.Spoken.Count);
        Assert.NotNull(turn.EndOfSpeechToFirstToken);
        Assert.NotNull(turn.FirstSentenceToFirstAudio);
        Assert.True(turn.EndOfSpeechToFirstAudio < turn.Total);
        var seconds = sink.TotalSamples / 24000.0;
        Assert.InRange(seconds, 12.0, 30.0);
    }

    [Fact]
    public async Task The_room_receives_decodable_speech_at_the_room_rate()
    {
        _env.Ollama.Answer = _ => "Here is a sentence for the room.";
        var sink = new RecordingRoomSink();

        await Run("explain how sound travels", sink);

        using var decoder = OpusFrameDecoder.Create(24000);
        var pcm = new short[OpusFrameDecoder.MaxSamplesPerPacket(24000)];
        double energy = 0;
        var samples = 0;
        foreach (var packet in sink.Packets)
        {
            var n = decoder.Decode(packet, pcm);
            samples += n;
            energy += pcm.Take(n).Sum(s => (double)s * s);
        }

        Assert.Equal(sink.TotalSamples, samples);
        Assert.True(Math.Sqrt(energy / samples) > 300, "decoded audio is silent");
    }

    [Fact]
    public async Task A_repeated_question_replays_the_cached_answer_without_calling_ollama()
    {
        _env.Ollama.Answer = _ => "Recursion is a function calling itself. It needs a base case.";
        var first = new RecordingRoomSink();
        var second = new RecordingRoomSink("office");

        await Run("Explain recursion.", first);
        var replay = await Run("explain RECURSION", second);

        Assert.Equal(1, _env.Ollama.AnswerCount);
        Assert.Equal("cached", replay.Handling);
        Assert.Equal(first.Packets, second.Packets);
        Assert.Equal("Recursion is a function calling itself. It needs a base case.", replay.AnswerText);
    }

    [Fact]
    public async Task A_home_command_goes_to_the_home_engine_and_its_reply_is_spoken()
    {
        _env.Home.Outcomes["Turn on the lights"] = new HomeDone([], "Done, the lights are on.");
        var sink = new RecordingRoomSink();

        var turn = await Run("Turn on the lights", sink);

        Assert.Equal(("home", "done"), (turn.Handling, turn.Home));
        var request = Assert.Single(_env.Home.Requests);
        Assert.Equal(("Turn on the lights", "kitchen", true), (request.Transcript, request.Room, request.EngineSpeaks));
        Assert.Equal("Done, the lights are on.", Assert.Single(_env.Tts.Spoken));
        Assert.Equal(0, _env.Ollama.AnswerCount);
        Assert.NotEmpty(sink.Packets);
    }

    [Fact]
    public async Task Chit_chat_gets_a_canned_reply_without_the_llm()
    {
        var sink = new RecordingRoomSink();

        var turn = await Run("Thanks a lot!", sink);

        Assert.Equal("canned", turn.Handling);
        Assert.Equal("You're welcome.", Assert.Single(_env.Tts.Spoken));
        Assert.Equal(0, _env.Ollama.AnswerCount);
    }

    [Fact]
    public async Task In_duplex_mode_fast_turns_are_left_to_personaplex_and_a_home_command_done_is_confirmed_by_an_earcon_beside_it()
    {
        _env.Home.Outcomes["turn off the kitchen lights"] = new HomeDone([], "Done.");
        var sink = new RecordingRoomSink();

        var chat = await Run("yeah that sounds good", sink, TurnMode.Duplex);
        var home = await Run("turn off the kitchen lights", sink, TurnMode.Duplex);

        Assert.Equal("passed", chat.Handling);
        Assert.Equal(("home", "done"), (home.Handling, home.Home));
        Assert.All(_env.Home.Requests, r => Assert.False(r.EngineSpeaks));
        Assert.Equal(["clip"], sink.Events);
        Assert.Equal(10, sink.Packets.Count);
        Assert.Empty(_env.Tts.Spoken);
    }

    [Fact]
    public async Task In_duplex_mode_a_deep_question_flushes_personaplex_before_the_answer()
    {
        _env.Ollama.Answer = _ => "Sure. Here is the function.";
        var sink = new RecordingRoomSink();

        var turn = await Run("Write a Python function that reverses a list", sink, TurnMode.Duplex);

        Assert.Equal("llm", turn.Handling);
        Assert.Equal("flush", sink.Events.First());
        Assert.Contains("packet", sink.Events);
    }

    [Fact]
    public async Task Interrupting_a_long_answer_stops_playback_at_once()
    {
        _env.Ollama.Answer = _ => string.Join(" ", Enumerable.Range(1, 60).Select(i => $"This is sentence number {i}."));
        _env.Ollama.TokenDelay = TimeSpan.FromMilliseconds(15);
        var sink = new RecordingRoomSink();
        using var interrupt = new CancellationTokenSource();
        sink.OnFirstPacket = interrupt.Cancel;

        var turn = await Run("explain the history of rome in detail", sink, ct: interrupt.Token);

        Assert.True(turn.Interrupted);
        Assert.Equal("flush", sink.Events.Last());
        Assert.True(sink.Packets.Count < 5);
        Assert.Equal(0, _env.Cache.Count);
    }

    [Fact]
    public async Task When_ollama_fails_the_room_hears_an_apology_and_nothing_is_cached()
    {
        _env.Ollama.Models.Clear();
        var sink = new RecordingRoomSink();

        var turn = await Run("Explain quantum physics", sink);

        Assert.True(turn.Fallback);
        Assert.True(turn.Spoke);
        Assert.Equal(Apologies.Unavailable, string.Join(" ", _env.Tts.Spoken));
        Assert.Equal(0, _env.Cache.Count);
    }

    [Fact]
    public async Task Rate_that_4_stores_a_rating_for_the_previous_turn()
    {
        _env.Ollama.Answer = _ => "An answer.";
        var sink = new RecordingRoomSink();
        var answered = await Run("explain tcp congestion control", sink);

        var rating = await Run("rate that 4", sink);

        Assert.Equal("rating", rating.Handling);
        var line = Assert.Single(File.ReadAllLines(_env.RatingsPath));
        Assert.Contains("\"stars\":4", line);
        Assert.Contains($"\"turnId\":\"{answered.Id}\"", line);
        Assert.Contains("\"mode\":\"pipeline\"", line);
    }

    [Fact]
    public async Task A_spoken_turn_records_end_of_speech_to_transcript()
    {
        _env.Asr.Transcript = "what is the capital of france";
        _env.Ollama.Answer = _ => "Paris.";
        var sink = new RecordingRoomSink();
        await using var recognition = await _env.Recognizer.StartAsync(AudioFormat.Speech16K, CancellationToken.None);
        await recognition.SendAsync(new byte[3200], CancellationToken.None);

        var turn = await _env.Turn.RunSpokenAsync("kitchen", recognition, TurnMode.Pipeline, TimeProvider.System.GetTimestamp(), sink, CancellationToken.None).WaitAsync(Deadline);

        Assert.Equal("what is the capital of france", turn.Transcript);
        Assert.NotNull(turn.EndOfSpeechToTranscript);
        Assert.Equal("llm", turn.Handling);
        Assert.Same(turn, _env.Turns.Recent(1)[0]);
    }
}
