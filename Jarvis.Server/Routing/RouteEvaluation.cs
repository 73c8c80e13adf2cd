using System.Text.Json;

namespace Jarvis.Server.Routing;

/// <summary>Routes every labelled query and counts the confusion matrix (rows: expected, columns: predicted).</summary>
public sealed class RouteEvaluation
{
    private readonly int[,] _confusion = new int[2, 2];

    public List<(LabelledQuery Item, RouteDecision Decision)> Results { get; } = [];

    public int Total => Results.Count;

    public int Correct => _confusion[0, 0] + _confusion[1, 1];

    public double Accuracy => Total == 0 ? 0 : (double)Correct / Total;

    public int Count(QueryRoute expected, QueryRoute predicted) => _confusion[(int)expected, (int)predicted];

    public static RouteEvaluation Run(IQueryRouter router, IEnumerable<LabelledQuery> corpus)
    {
        var evaluation = new RouteEvaluation();
        foreach (var item in corpus)
        {
            var decision = router.Decide(item.Query);
            evaluation._confusion[(int)item.Expected, (int)decision.Route]++;
            evaluation.Results.Add((item, decision));
        }

        return evaluation;
    }

    /// <summary>Reads a JSON-lines corpus with <c>query</c> and <c>route</c> ("fast"/"deep") per line; blank lines are skipped.</summary>
    public static IEnumerable<LabelledQuery> ReadCorpus(string path)
    {
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var query = root.TryGetProperty("query", out var q) && q.ValueKind == JsonValueKind.String ? q.GetString()! : throw new FormatException($"{path}:{lineNumber}: no \"query\"");
            var route = root.TryGetProperty("route", out var r) ? r.GetString() : null;
            yield return new LabelledQuery(query, route switch
            {
                "fast" => QueryRoute.Fast,
                "deep" => QueryRoute.Deep,
                _ => throw new FormatException($"{path}:{lineNumber}: \"route\" must be \"fast\" or \"deep\", got \"{route}\""),
            });
        }
    }

    public void WriteReport(TextWriter output)
    {
        output.WriteLine("confusion matrix (rows: expected, columns: predicted)");
        output.WriteLine($"{"",-14}{"fast",8}{"deep",8}");
        output.WriteLine($"{"expected fast",-14}{Count(QueryRoute.Fast, QueryRoute.Fast),8}{Count(QueryRoute.Fast, QueryRoute.Deep),8}");
        output.WriteLine($"{"expected deep",-14}{Count(QueryRoute.Deep, QueryRoute.Fast),8}{Count(QueryRoute.Deep, QueryRoute.Deep),8}");
        output.WriteLine(FormattableString.Invariant($"accuracy: {Accuracy:0.000} ({Correct}/{Total})"));
    }
}
