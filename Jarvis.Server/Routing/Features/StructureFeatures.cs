namespace Jarvis.Server.Routing.Features;

/// <summary>
/// Shape of the request: a mild length term (long requests lean deep, very short ones fast, capped so that length
/// alone never decides), multi-clause structure (several connectives or questions in one request) and variables of
/// formulas read aloud ("x", "4z").
/// </summary>
internal static class StructureFeatures
{
    private static readonly HashSet<string> Connectives = new(StringComparer.Ordinal)
    {
        "and", "or", "but", "because", "while", "whether", "although", "though", "if", "then", "which", "so", "also",
        "without", "instead", "including", "both", "versus", "whereas", "considering", "therefore",
    };

    private static readonly HashSet<string> QuestionWords = new(StringComparer.Ordinal)
    {
        "what", "whats", "why", "how", "hows", "which", "who", "whom", "where", "when",
    };

    public static double Score(string[] tokens, List<FiredFeature> fired)
    {
        double sum = 0;
        var length = Math.Clamp((tokens.Length - 8) * 0.07, -0.4, 1.0);
        if (Math.Abs(length) > 0.001)
        {
            fired.Add(new FiredFeature("length", $"{tokens.Length} words", length));
            sum += length;
        }

        var connectives = 0;
        foreach (var t in tokens)
        {
            if (Connectives.Contains(t))
            {
                connectives++;
            }
        }

        if (connectives >= 2)
        {
            var clauses = Math.Min((connectives - 1) * 0.35, 1.05);
            fired.Add(new FiredFeature("multi-clause", $"{connectives} connectives", clauses));
            sum += clauses;
        }

        var questions = 0;
        var algebra = 0;
        foreach (var t in tokens)
        {
            if (QuestionWords.Contains(t))
            {
                questions++;
            }

            if (IsAlgebraToken(t))
            {
                algebra++;
            }
        }

        if (questions >= 2)
        {
            var several = Math.Min((questions - 1) * 0.6, 1.2);
            fired.Add(new FiredFeature("several-questions", $"{questions} question words", several));
            sum += several;
        }

        if (algebra >= 2)
        {
            fired.Add(new FiredFeature("algebra", $"{algebra} variable terms", 2.5));
            sum += 2.5;
        }

        return sum;
    }

    /// <summary>"x", "y", "z" or a coefficient with a variable ("4z", "2x"): formulas read aloud.</summary>
    private static bool IsAlgebraToken(string t) =>
        t is "x" or "y" or "z" || (t.Length is >= 2 and <= 4 && t[^1] is 'x' or 'y' or 'z' && t[..^1].All(char.IsAsciiDigit));
}
