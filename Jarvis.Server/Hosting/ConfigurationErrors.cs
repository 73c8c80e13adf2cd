using System.Text.RegularExpressions;
using Jarvis.Server.Hosting.Configuration;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Hosting;

/// <summary>Turns start-up configuration failures into the list of things to fix (instead of a stack trace).</summary>
public static partial class ConfigurationErrors
{
    /// <summary>One line per problem, or null when <paramref name="error"/> is not a configuration problem.</summary>
    public static string? Describe(Exception error)
    {
        var problems = Problems(error);
        return problems.Count == 0 ? null : string.Join(Environment.NewLine, problems.Select(p => $"  - {p}"));
    }

    /// <summary>
    /// Every problem once. The binder's "Failed to convert configuration value … at 'Key'" is left out when another line
    /// already names that key (the configuration check says the same with the valid values or the format).
    /// </summary>
    public static IReadOnlyList<string> Problems(Exception error)
    {
        var problems = new List<string>();
        Collect(error, problems);
        var distinct = problems.Distinct().ToList();
        return distinct
            .Where(p => BinderKey(p) is not { } key || !distinct.Any(other => BinderKey(other) is null && other.Contains(key, StringComparison.OrdinalIgnoreCase)))
            .ToList();
    }

    private static string? BinderKey(string problem) =>
        BinderFailure().Match(problem) is { Success: true } match ? match.Groups[1].Value : null;

    private static void Collect(Exception error, List<string> problems)
    {
        switch (error)
        {
            case ConfigurationProblemsException configuration:
                problems.AddRange(configuration.Problems);
                break;
            case OptionsValidationException validation:
                problems.AddRange(validation.Failures);
                break;
            case AggregateException aggregate:
                foreach (var inner in aggregate.InnerExceptions)
                {
                    Collect(inner, problems);
                }

                break;
            case InvalidOperationException { Message: var message } when message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal):
                problems.Add($"{message} {error.InnerException?.InnerException?.Message ?? error.InnerException?.Message}".Trim());
                break;
            case InvalidDataException { Message: var message, InnerException: { } inner } when message.StartsWith("Failed to load configuration from file", StringComparison.Ordinal):
                // The JSON file provider's wrapper: the inner error says what is wrong (not JSON, a duplicate key).
                problems.Add($"{message} {inner.Message}");
                break;
            case System.Text.Json.JsonException or FormatException when error.Message.Contains("json", StringComparison.OrdinalIgnoreCase):
                problems.Add($"The configuration file is not valid JSON: {error.Message}");
                break;
            case { InnerException: { } inner }:
                Collect(inner, problems);
                break;
        }
    }

    [GeneratedRegex("^Failed to convert configuration value .* at '([^']+)'")]
    private static partial Regex BinderFailure();
}
