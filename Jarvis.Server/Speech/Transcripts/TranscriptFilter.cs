using System.Globalization;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Speech.Transcripts;

/// <summary>
/// Decides whether a transcript carries a request, for both conversation modes (the one place that does): empty text,
/// only punctuation, only fillers ("um"), only non-speech tags ("[music]", "(silence)"), a known hallucination of
/// Whisper-family recognisers ("Thank you.", "Thanks for watching!", subtitle credits), too few letters, or a reported
/// confidence below the floor are <see cref="NoRequest"/>: nothing is answered. The phrases and floors are
/// <see cref="TranscriptFilterOptions"/>.
/// </summary>
public sealed class TranscriptFilter(IOptionsMonitor<TranscriptFilterOptions> options)
{
    private Lexicon? _lexicon;

    public TranscriptVerdict Check(RecognizedSpeech speech)
    {
        var o = options.CurrentValue;
        var text = speech.Text?.Trim() ?? "";
        if (text.Length == 0)
        {
            return new NoRequest(NoRequestReason.Empty, "");
        }

        if (speech.Confidence is { } confidence && confidence < o.MinConfidence)
        {
            return new NoRequest(NoRequestReason.LowConfidence, confidence.ToString("0.00", CultureInfo.InvariantCulture));
        }

        var spoken = TranscriptText.WithoutTags(text, out var tagged);
        var normalized = TranscriptText.Normalize(spoken);
        if (normalized.Length == 0)
        {
            return new NoRequest(tagged ? NoRequestReason.NonSpeech : NoRequestReason.Punctuation, text);
        }

        var lexicon = LexiconOf(o);
        var request = string.Join(' ', normalized.Split(' ').Where(word => !lexicon.Fillers.Contains(word)));
        if (request.Length == 0)
        {
            return new NoRequest(NoRequestReason.Fillers, normalized);
        }

        if (lexicon.Hallucinations.Contains(request) || lexicon.Prefixes.Any(p => request.StartsWith(p, StringComparison.Ordinal) && (request.Length == p.Length || request[p.Length] == ' ')))
        {
            return new NoRequest(NoRequestReason.Hallucination, request);
        }

        if (TranscriptText.LettersOrDigits(request) < o.MinLetters)
        {
            return new NoRequest(NoRequestReason.TooShort, request);
        }

        return new SpokenRequest(spoken);
    }

    private Lexicon LexiconOf(TranscriptFilterOptions o)
    {
        var lexicon = _lexicon;
        if (lexicon is null || !ReferenceEquals(lexicon.Source, o))
        {
            lexicon = new Lexicon(o, Set(o.EffectiveFillers), Set(o.EffectiveHallucinations), [.. o.EffectiveHallucinationPrefixes.Select(TranscriptText.Normalize).Where(p => p.Length > 0)]);
            _lexicon = lexicon;
        }

        return lexicon;
    }

    private static HashSet<string> Set(IEnumerable<string> phrases) =>
        new(phrases.Select(TranscriptText.Normalize).Where(p => p.Length > 0), StringComparer.Ordinal);

    private sealed record Lexicon(TranscriptFilterOptions Source, HashSet<string> Fillers, HashSet<string> Hallucinations, string[] Prefixes);
}
