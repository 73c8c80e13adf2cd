using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Routing;

/// <summary>
/// <c>route eval --corpus FILE.jsonl [--predictions OUT.jsonl] [--threshold 0.7] [--errors]</c>: routes every query, writes
/// <c>{"query","route","score"}</c> per line, prints the confusion matrix and, last, <c>accuracy: 0.930 (N/M)</c>.
/// <c>route explain "some query"</c>: the decision and every feature that fired.
/// </summary>
public static class RouteCommand
{
    public static Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var threshold = Option(args, "--threshold") is { } t ? double.Parse(t, System.Globalization.CultureInfo.InvariantCulture) : new RoutingOptions().ComplexityThreshold;
        var router = new ComplexityRouter(new StaticOptions(new RoutingOptions { ComplexityThreshold = threshold }));
        switch (args.FirstOrDefault())
        {
            case "eval" when Option(args, "--corpus") is { } corpus:
                var predictions = Option(args, "--predictions") is { } p ? UserPath(p) : null;
                return Task.FromResult(Eval(router, UserPath(corpus), predictions, args.Contains("--errors"), cancellationToken));
            case "explain" when args.Length > 1:
                Console.WriteLine(router.Decide(string.Join(' ', args.Skip(1).Where(a => !a.StartsWith("--", StringComparison.Ordinal)))).Explain());
                return Task.FromResult(0);
            default:
                Console.Error.WriteLine("usage: route eval --corpus FILE.jsonl [--predictions OUT.jsonl] [--threshold 0.7] [--errors]");
                Console.Error.WriteLine("       route explain \"some query\"");
                return Task.FromResult(2);
        }
    }

    private static int Eval(IQueryRouter router, string corpus, string? predictionsPath, bool showErrors, CancellationToken cancellationToken)
    {
        if (!File.Exists(corpus))
        {
            Console.Error.WriteLine($"corpus not found: {corpus}");
            return 2;
        }

        RouteEvaluation evaluation;
        try
        {
            evaluation = RouteEvaluation.Run(router, RouteEvaluation.ReadCorpus(corpus));
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            Console.Error.WriteLine($"bad corpus: {ex.Message}");
            return 2;
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (predictionsPath is not null)
        {
            using var writer = new StreamWriter(predictionsPath);
            foreach (var (item, decision) in evaluation.Results)
            {
                writer.WriteLine(JsonSerializer.Serialize(new { query = item.Query, route = decision.Route == QueryRoute.Deep ? "deep" : "fast", score = Math.Round(decision.Score, 4) }));
            }
        }

        if (showErrors)
        {
            foreach (var (item, decision) in evaluation.Results.Where(r => r.Item.Expected != r.Decision.Route))
            {
                Console.WriteLine($"expected {item.Expected.ToString().ToLowerInvariant()}: \"{item.Query}\" → {decision.Explain()}");
            }
        }

        evaluation.WriteReport(Console.Out);
        return 0;
    }

    /// <summary>
    /// A relative path as the user meant it: <c>dotnet run --project</c> starts a web project in its own folder, so
    /// relative paths are resolved against the shell's directory (<c>PWD</c>) when it is known.
    /// </summary>
    private static string UserPath(string path) =>
        Path.IsPathRooted(path) || Environment.GetEnvironmentVariable("PWD") is not { Length: > 0 } shell ? path : Path.Combine(shell, path);

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private sealed class StaticOptions(RoutingOptions value) : IOptionsMonitor<RoutingOptions>
    {
        public RoutingOptions CurrentValue => value;

        public RoutingOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<RoutingOptions, string?> listener) => null;
    }
}
