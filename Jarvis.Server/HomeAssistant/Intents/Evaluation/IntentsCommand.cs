using System.Globalization;
using System.Text.Json;
using Jarvis.Server.HomeAssistant.Model;

namespace Jarvis.Server.HomeAssistant.Intents.Evaluation;

/// <summary>
/// <c>intents eval --fixtures FIXTURES.json --corpus FILE.jsonl [--predictions OUT.jsonl]</c>: scores the intent engine
/// on a corpus, prints per-intent accuracy and the failures, and ends with <c>accuracy: 0.973 (N/M)</c>.
/// </summary>
public static class IntentsCommand
{
    private const string Usage = "usage: intents eval --fixtures FIXTURES.json --corpus FILE.jsonl [--predictions OUT.jsonl]";

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        if (args.Length == 0 || args[0] != "eval" || !TryParse(args[1..], out var options))
        {
            await Console.Error.WriteLineAsync(Usage).ConfigureAwait(false);
            return 2;
        }

        IntentEvaluation evaluation;
        try
        {
            var home = FixtureHome.Load(options["--fixtures"]);
            evaluation = IntentEvaluation.Run(home.Registries, CorpusCase.ReadJsonLines(options["--corpus"]).ToList());
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or JsonException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"intents eval: {ex.Message}").ConfigureAwait(false);
            return 1;
        }

        if (options.TryGetValue("--predictions", out var predictionsPath))
        {
            await WritePredictionsAsync(predictionsPath, evaluation, cancellationToken).ConfigureAwait(false);
        }

        Console.Write(Report(evaluation));
        return 0;
    }

    public static string Report(IntentEvaluation evaluation)
    {
        var text = new System.Text.StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        foreach (var group in evaluation.Cases.GroupBy(c => c.Case.Intent).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var correct = group.Count(c => c.Correct);
            text.AppendLine(inv, $"{group.Key,-28} {(double)correct / group.Count():0.000} ({correct}/{group.Count()})");
        }

        var failures = evaluation.Cases.Where(c => !c.Correct).ToList();
        if (failures.Count > 0)
        {
            text.AppendLine(inv, $"failures ({failures.Count}):");
            foreach (var failure in failures)
            {
                text.AppendLine(inv, $"  {failure.Case.Sentence} | {failure.Reason} | predicted {JsonSerializer.Serialize(failure.Slots)}");
            }
        }

        text.AppendLine(inv, $"accuracy: {evaluation.Accuracy:0.000} ({evaluation.Correct}/{evaluation.Cases.Count})");
        return text.ToString();
    }

    private static async Task WritePredictionsAsync(string path, IntentEvaluation evaluation, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(path);
        foreach (var c in evaluation.Cases)
        {
            var line = JsonSerializer.Serialize(new Dictionary<string, object?> { ["sentence"] = c.Case.Sentence, ["intent"] = c.Intent, ["slots"] = c.Slots });
            await writer.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool TryParse(string[] args, out Dictionary<string, string> options)
    {
        options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (args[i] is not ("--fixtures" or "--corpus" or "--predictions"))
            {
                return false;
            }

            options[args[i]] = args[i + 1];
        }

        return args.Length % 2 == 0 && options.ContainsKey("--fixtures") && options.ContainsKey("--corpus");
    }
}
