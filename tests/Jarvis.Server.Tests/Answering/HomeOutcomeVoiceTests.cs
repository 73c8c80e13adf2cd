using Jarvis.Server.Answering;
using Jarvis.Server.Conversation;
using Jarvis.Server.HomeAssistant;
using Jarvis.Server.Llm;
using Jarvis.Server.Speech;
using Jarvis.Server.Tests.Emulators;
using Jarvis.Server.Tests.Emulators.Ollama;

namespace Jarvis.Server.Tests.Answering;

/// <summary>How each home outcome is heard in each mode, and that nothing empty ever reaches the TTS.</summary>
public sealed class HomeOutcomeVoiceTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private AnswerEnvironment _env = null!;

    public async Task InitializeAsync() => _env = await AnswerEnvironment.StartAsync();

    public async Task DisposeAsync()
    {
        Assert.Empty(_env.Tts.ProtocolErrors);
        Assert.DoesNotContain(_env.Tts.Spoken, string.IsNullOrWhiteSpace);
        await _env.DisposeAsync();
    }

    private Task<TurnRecord> Run(string transcript, RecordingRoomSink sink, TurnMode mode) =>
        _env.Turn.RunAsync(new TurnRequest(sink.Room, transcript, mode), sink, CancellationToken.None).WaitAsync(Deadline);

    [Fact]
    public async Task Not_handled_in_pipeline_mode_gets_a_canned_or_llm_answer()
    {
        _env.Ollama.Answer = _ => "Penguins keep warm with dense feathers.";
        var sink = new RecordingRoomSink();

        var thanks = await Run("Thanks a lot", sink, TurnMode.Pipeline);
        var question = await Run("Explain in detail how penguins keep warm", sink, TurnMode.Pipeline);

        Assert.Equal(("canned", null), (thanks.Handling, thanks.Home));
        Assert.Equal("llm", question.Handling);
        Assert.Equal(["You're welcome.", "Penguins keep warm with dense feathers."], _env.Tts.Spoken);
        Assert.Equal(2, _env.Home.Requests.Count);
    }

    [Fact]
    public async Task Not_handled_in_duplex_mode_leaves_the_floor_to_PersonaPlex()
    {
        var sink = new RecordingRoomSink();

        var turn = await Run("Tell me a joke", sink, TurnMode.Duplex);

        Assert.Equal(("passed", "fast"), (turn.Handling, turn.Route));
        Assert.Empty(sink.Events);
        Assert.Empty(_env.Tts.Spoken);
        Assert.Equal(0, _env.Ollama.AnswerCount);
    }

    [Theory]
    [InlineData("failed")]
    [InlineData("answer")]
    [InlineData("clarify")]
    public async Task In_duplex_mode_failures_answers_and_which_one_are_spoken_after_cutting_PersonaPlex(string kind)
    {
        HomeOutcome outcome = kind switch
        {
            "failed" => new HomeFailed("Sorry, that didn't work: the lock is jammed."),
            "answer" => new HomeAnswer("The garage door is open."),
            _ => new HomeDialogue("Which lamp: the one in the bedroom or the one in the office?", DialogueAct.Clarify),
        };
        _env.Home.Outcomes["the command"] = outcome;
        var sink = new RecordingRoomSink();

        var turn = await Run("the command", sink, TurnMode.Duplex);

        Assert.Equal(("home", kind), (turn.Handling, turn.Home));
        Assert.Equal("flush", sink.Events.First());
        Assert.Contains("packet", sink.Events);
        Assert.Equal(outcome.Speech, Assert.Single(_env.Tts.Spoken));
    }

    [Theory]
    [InlineData(DialogueAct.Offer, "Want me to turn on some lights?")]
    [InlineData(DialogueAct.Thanks, "Glad to help.")]
    [InlineData(DialogueAct.Acknowledge, "OK.")]
    public async Task In_duplex_mode_the_engines_dialogue_lines_are_not_spoken_over_PersonaPlex(DialogueAct act, string line)
    {
        _env.Home.Outcomes["Perfect"] = new HomeDialogue(line, act);
        var sink = new RecordingRoomSink();

        var turn = await Run("Perfect", sink, TurnMode.Duplex);

        Assert.Equal("home", turn.Handling);
        Assert.Empty(sink.Events);
        Assert.Empty(_env.Tts.Spoken);
    }

    [Fact]
    public async Task In_pipeline_mode_every_home_line_is_spoken()
    {
        _env.Home.Outcomes["It's getting dark"] = new HomeDialogue("Want me to turn on some lights?", DialogueAct.Offer);
        _env.Home.Outcomes["Is the garage door open?"] = new HomeAnswer("The garage door is open.");
        var sink = new RecordingRoomSink();

        await Run("It's getting dark", sink, TurnMode.Pipeline);
        await Run("Is the garage door open?", sink, TurnMode.Pipeline);

        Assert.Equal(["Want me to turn on some lights?", "The garage door is open."], _env.Tts.Spoken);
        Assert.DoesNotContain("flush", sink.Events);
    }

    [Fact]
    public async Task A_spoken_confirmation_can_replace_the_earcon_and_still_plays_beside_PersonaPlex()
    {
        _env.Mode.HomeConfirmation = HomeConfirmation.Speech;
        _env.Home.Outcomes["lock the front door"] = new HomeDone([], "The front door is locked.");
        var sink = new RecordingRoomSink();

        await Run("lock the front door", sink, TurnMode.Duplex);

        Assert.Equal(["clip"], sink.Events);
        Assert.Equal("The front door is locked.", Assert.Single(_env.Tts.Spoken));
        Assert.True(sink.Packets.Count > 10, "the spoken confirmation is longer than the earcon");
    }

    [Fact]
    public async Task An_outcome_with_nothing_to_say_never_reaches_the_TTS()
    {
        _env.Home.Outcomes["turn on the lights"] = new HomeDone([], " ");
        var sink = new RecordingRoomSink();

        var turn = await Run("turn on the lights", sink, TurnMode.Pipeline);

        Assert.Equal("home", turn.Handling);
        Assert.Null(turn.Error);
        Assert.Empty(_env.Tts.Spoken);
        Assert.Empty(sink.Packets);
    }

    [Fact]
    public async Task A_mid_stream_llm_failure_keeps_the_spoken_sentences_drops_the_fragment_and_apologises_in_a_sentence_of_its_own()
    {
        const string answer = "Here it is. Here is an example that never ends.";
        _env.Ollama.Answer = _ => answer;
        var tokens = OllamaTokens.Split(answer);
        _env.Ollama.FailAfterTokens = Enumerable.Range(1, tokens.Count).First(n => string.Concat(tokens.Take(n)).EndsWith(" an", StringComparison.Ordinal));
        var sink = new RecordingRoomSink();

        var turn = await Run("Explain in detail what an example is", sink, TurnMode.Pipeline);

        Assert.True(turn.Fallback);
        Assert.Equal(["Here it is.", Apologies.CutShort.Trim()], _env.Tts.Spoken);
        Assert.Equal("Here it is. " + Apologies.CutShort.Trim(), turn.AnswerText);
        Assert.Equal(0, _env.Cache.Count);
    }
}
