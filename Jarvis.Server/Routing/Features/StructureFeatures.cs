namespace Jarvis.Server.Routing.Features;

/// <summary>
/// Shape of the request: a mild length term (long requests lean deep, very short ones fast, capped so that length
/// alone never decides) and multi-clause structure (several connectives or questions in one request).
/// </summary>
internal static class StructureFeatures
{
    private static readonly HashSet<string> Connectives = new(StringComparer.Ordinal)
    {
        "and", "or", "but", "because", "while", "whether", "although", "though", "if", "then", "which", "so", "also",
        "without", "instead", "including", "both", "versus", "whereas", "considering", "therefore",
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

        return sum;
    }
}
