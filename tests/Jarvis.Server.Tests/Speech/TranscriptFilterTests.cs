using Jarvis.Server.Speech;
using Jarvis.Server.Speech.Transcripts;
using Jarvis.Server.Tests.Emulators;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Tests.Speech;

public sealed class TranscriptFilterTests
{
    private static TranscriptFilter Filter(TranscriptFilterOptions? options = null) =>
        new(new FixedOptionsMonitor<TranscriptFilterOptions>(options ?? new TranscriptFilterOptions()));

    [Theory]
    [InlineData("", NoRequestReason.Empty)]
    [InlineData("   ", NoRequestReason.Empty)]
    [InlineData("...", NoRequestReason.Punctuation)]
    [InlineData(" ?! ", NoRequestReason.Punctuation)]
    [InlineData("um", NoRequestReason.Fillers)]
    [InlineData("Um... uh, hmm?", NoRequestReason.Fillers)]
    [InlineData("[music]", NoRequestReason.NonSpeech)]
    [InlineData("[BLANK_AUDIO]", NoRequestReason.NonSpeech)]
    [InlineData("(silence)", NoRequestReason.NonSpeech)]
    [InlineData(" (upbeat music) [Music] ", NoRequestReason.NonSpeech)]
    [InlineData("*coughs*", NoRequestReason.NonSpeech)]
    [InlineData("♪ ♪", NoRequestReason.NonSpeech)]
    [InlineData("Thank you.", NoRequestReason.Hallucination)]
    [InlineData("THANK YOU!", NoRequestReason.Hallucination)]
    [InlineData("Thanks for watching!", NoRequestReason.Hallucination)]
    [InlineData("you", NoRequestReason.Hallucination)]
    [InlineData(" You.", NoRequestReason.Hallucination)]
    [InlineData("Um, thank you.", NoRequestReason.Hallucination)]
    [InlineData("[music] Thank you for watching.", NoRequestReason.Hallucination)]
    [InlineData("Subtitles by the Amara.org community", NoRequestReason.Hallucination)]
    [InlineData("Don’t forget to like and subscribe!", NoRequestReason.Hallucination)]
    [InlineData("I.", NoRequestReason.TooShort)]
    [InlineData("a", NoRequestReason.TooShort)]
    public void A_transcript_without_a_request_is_no_request_with_its_reason(string transcript, NoRequestReason reason)
    {
        var verdict = Filter().Check(new RecognizedSpeech(transcript));

        Assert.Equal(reason, Assert.IsType<NoRequest>(verdict).Reason);
    }

    [Theory]
    [InlineData("Wait, hold on a second please", "Wait, hold on a second please")]
    [InlineData("Thanks a lot", "Thanks a lot")]
    [InlineData("Thank you, turn off the lights", "Thank you, turn off the lights")]
    [InlineData("No", "No")]
    [InlineData("Um, turn on the kitchen lights", "Um, turn on the kitchen lights")]
    [InlineData("[music] Turn it down", "Turn it down")]
    [InlineData("What is 5 * 3 * 2", "What is 5 * 3 * 2")]
    [InlineData("Wie spät ist es?", "Wie spät ist es?")]
    [InlineData("几点了", "几点了")]
    public void A_request_is_kept_without_its_non_speech_tags(string transcript, string request)
    {
        var verdict = Filter().Check(new RecognizedSpeech(transcript));

        Assert.Equal(request, Assert.IsType<SpokenRequest>(verdict).Text);
    }

    [Fact]
    public void A_confidence_below_the_floor_is_no_request_and_an_unreported_one_is_not_judged()
    {
        var filter = Filter(new TranscriptFilterOptions { MinConfidence = 0.5 });

        var low = Assert.IsType<NoRequest>(filter.Check(new RecognizedSpeech("Turn on the lights", 0.31)));

        Assert.Equal((NoRequestReason.LowConfidence, "low-confidence \"0.31\""), (low.Reason, low.Describe()));
        Assert.IsType<SpokenRequest>(filter.Check(new RecognizedSpeech("Turn on the lights", 0.5)));
        Assert.IsType<SpokenRequest>(filter.Check(new RecognizedSpeech("Turn on the lights")));
    }

    [Fact]
    public void The_reason_names_what_matched()
    {
        var filter = Filter();

        Assert.Equal("hallucination \"thank you\"", ((NoRequest)filter.Check(new RecognizedSpeech("Thank you."))).Describe());
        Assert.Equal("empty", ((NoRequest)filter.Check(new RecognizedSpeech(""))).Describe());
        Assert.Equal("non-speech \"[music]\"", ((NoRequest)filter.Check(new RecognizedSpeech("[music]"))).Describe());
    }

    [Fact]
    public void Configured_phrases_replace_the_defaults_and_a_length_floor_of_zero_keeps_single_letters()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Speech:Transcripts:Hallucinations:0"] = "Merci.",
            ["Speech:Transcripts:MinLetters"] = "0",
        }).Build();
        var options = new TranscriptFilterOptions();
        configuration.GetSection(TranscriptFilterOptions.Section).Bind(options);
        var filter = Filter(options);

        Assert.Equal(["Merci."], options.Hallucinations!);
        Assert.IsType<NoRequest>(filter.Check(new RecognizedSpeech("merci")));
        Assert.IsType<SpokenRequest>(filter.Check(new RecognizedSpeech("Thank you.")));
        Assert.IsType<SpokenRequest>(filter.Check(new RecognizedSpeech("I")));
    }

    [Fact]
    public void The_defaults_are_valid_and_a_phrase_without_letters_or_a_floor_out_of_range_says_which_setting()
    {
        var validator = new DataAnnotationValidateOptions<TranscriptFilterOptions>(null);

        Assert.True(validator.Validate(null, new TranscriptFilterOptions()).Succeeded);
        var failures = validator.Validate(null, new TranscriptFilterOptions { Fillers = ["um", " ... "] }).Failures!;
        Assert.Contains(failures, f => f.Contains("Speech:Transcripts:Fillers:1", StringComparison.Ordinal));
        Assert.False(validator.Validate(null, new TranscriptFilterOptions { MinConfidence = 1.5 }).Succeeded);
        Assert.False(validator.Validate(null, new TranscriptFilterOptions { MinLetters = -1 }).Succeeded);
    }
}
