namespace Jarvis.Server.Routing.Features;

/// <summary>
/// All cue phrases compiled into one index by first word, so an utterance is scanned once: for each token only the
/// phrases starting with that word are compared. Matching is on whole tokens.
/// </summary>
internal sealed class CueLexicon
{
    private readonly Dictionary<string, List<(string[] Tokens, int Cue)>> _byFirstWord = new(StringComparer.Ordinal);

    public CueLexicon(IReadOnlyList<Cue> cues)
    {
        Cues = cues;
        for (var i = 0; i < cues.Count; i++)
        {
            foreach (var phrase in cues[i].PhraseTokens())
            {
                if (!_byFirstWord.TryGetValue(phrase[0], out var list))
                {
                    _byFirstWord[phrase[0]] = list = [];
                }

                list.Add((phrase, i));
            }
        }
    }

    public IReadOnlyList<Cue> Cues { get; }

    /// <summary>Adds the fired cues' contributions to <paramref name="fired"/>; returns the logit sum.</summary>
    public double Score(string[] tokens, int lead, List<FiredFeature> fired)
    {
        Span<int> hits = stackalloc int[Cues.Count];
        var evidence = new string?[Cues.Count];
        for (var pos = 0; pos < tokens.Length; pos++)
        {
            if (!_byFirstWord.TryGetValue(tokens[pos], out var candidates))
            {
                continue;
            }

            foreach (var (phrase, cueIndex) in candidates)
            {
                var cue = Cues[cueIndex];
                if (hits[cueIndex] >= cue.MaxHits || !Matches(tokens, pos, phrase) || !InScope(cue.Scope, tokens.Length, lead, pos, phrase.Length)
                    || tokens.Length < cue.MinWords || tokens.Length > cue.MaxWords)
                {
                    continue;
                }

                hits[cueIndex]++;
                var text = string.Join(' ', phrase);
                evidence[cueIndex] = evidence[cueIndex] is null ? text : evidence[cueIndex] + "+" + text;
            }
        }

        var groups = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Cues.Count; i++)
        {
            if (hits[i] == 0 || Cues[i].Group is not { } group)
            {
                continue;
            }

            if (!groups.TryGetValue(group, out var best) || Math.Abs(Cues[i].Weight * hits[i]) > Math.Abs(Cues[best].Weight * hits[best]))
            {
                groups[group] = i;
            }
        }

        double sum = 0;
        for (var i = 0; i < Cues.Count; i++)
        {
            if (hits[i] == 0 || (Cues[i].Group is { } g && groups[g] != i))
            {
                continue;
            }

            var weight = Cues[i].Weight * hits[i];
            sum += weight;
            fired.Add(new FiredFeature(Cues[i].Name, evidence[i]!, weight));
        }

        return sum;
    }

    private static bool Matches(string[] tokens, int pos, string[] phrase)
    {
        if (pos + phrase.Length > tokens.Length)
        {
            return false;
        }

        for (var k = 1; k < phrase.Length; k++)
        {
            if (!string.Equals(tokens[pos + k], phrase[k], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static bool InScope(CueScope scope, int count, int lead, int pos, int length) => scope switch
    {
        CueScope.Lead => pos == lead,
        CueScope.Whole => pos == lead && pos + length >= count - 1,
        _ => true,
    };
}
