using System.ComponentModel.DataAnnotations;

namespace Jarvis.Server.Speech.Transcripts;

/// <summary>
/// <c>Speech:Transcripts</c>: which transcripts carry no request (<see cref="TranscriptFilter"/>). Phrases are compared
/// after normalisation (lower case, punctuation and extra spaces dropped), so "Thank you." matches "thank you". A list set in
/// the configuration replaces the default list (<see cref="DefaultFillers"/>, <see cref="DefaultHallucinations"/>,
/// <see cref="DefaultHallucinationPrefixes"/>); unset (null), the default applies.
/// </summary>
public sealed class TranscriptFilterOptions : IValidatableObject
{
    public const string Section = "Speech:Transcripts";

    /// <summary>Hesitation words; a transcript made only of these is not a request (and they are not counted as letters).</summary>
    public string[]? Fillers { get; set; }

    /// <summary>Whole transcripts that Whisper-family recognisers produce from noise or silence.</summary>
    public string[]? Hallucinations { get; set; }

    /// <summary>Beginnings of subtitle credits that the recogniser reproduces from its training data.</summary>
    public string[]? HallucinationPrefixes { get; set; }

    public static IReadOnlyList<string> DefaultFillers { get; } = ["um", "umm", "uh", "uhh", "uhm", "er", "erm", "ah", "ahh", "hmm", "hm", "hmmm", "mm", "mmm"];

    public static IReadOnlyList<string> DefaultHallucinations { get; } =
    [
        "thank you", "thank you very much", "thank you so much", "thanks for watching", "thank you for watching",
        "thanks for watching and see you next time", "thank you for watching and see you next time", "see you next time",
        "please subscribe", "like and subscribe", "please like and subscribe", "subscribe to my channel",
        "don't forget to like and subscribe", "you", "so", "bye", "the end", "oh", "i'm sorry",
    ];

    public static IReadOnlyList<string> DefaultHallucinationPrefixes { get; } =
    [
        "subtitles by", "subtitle by", "subtitled by", "subtitles made by", "captions by", "captioning by", "closed captioning by",
        "transcribed by", "transcription by", "translated by", "translation by", "amara org",
    ];

    /// <summary>A request has at least this many letters or digits, fillers and non-speech tags not counted ("a" or "I" alone is noise).</summary>
    [Range(0, 20)]
    public int MinLetters { get; set; } = 2;

    /// <summary>Transcripts whose confidence (0–1, when the recogniser reports one) is below this are not requests; 0 turns it off.</summary>
    [Range(0.0, 1.0)]
    public double MinConfidence { get; set; } = 0.4;

    internal IReadOnlyList<string> EffectiveFillers => Fillers ?? DefaultFillers;

    internal IReadOnlyList<string> EffectiveHallucinations => Hallucinations ?? DefaultHallucinations;

    internal IReadOnlyList<string> EffectiveHallucinationPrefixes => HallucinationPrefixes ?? DefaultHallucinationPrefixes;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, phrases) in new[] { (nameof(Fillers), EffectiveFillers), (nameof(Hallucinations), EffectiveHallucinations), (nameof(HallucinationPrefixes), EffectiveHallucinationPrefixes) })
        {
            for (var i = 0; i < phrases.Count; i++)
            {
                if (TranscriptText.Normalize(phrases[i] ?? "").Length == 0)
                {
                    yield return new ValidationResult(
                        $"{Section}:{name}:{i} has no letters (\"{phrases[i]}\"): remove it or give a phrase such as \"thank you\".", [name]);
                }
            }
        }
    }
}
