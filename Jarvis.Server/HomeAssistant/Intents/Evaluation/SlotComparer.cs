using System.Globalization;
using System.Text.Json;

namespace Jarvis.Server.HomeAssistant.Intents.Evaluation;

/// <summary>
/// The scoring rule: the intent is equal and every expected slot is present with an equal value (strings
/// case-insensitive, numbers numerically; an expected list means "any of these"). Extra predicted slots are ignored.
/// </summary>
public static class SlotComparer
{
    public static bool Matches(CorpusCase expected, string? intent, IReadOnlyDictionary<string, object> predicted, out string? reason)
    {
        reason = null;
        if (!string.Equals(expected.Intent, intent, StringComparison.Ordinal))
        {
            reason = $"intent {intent ?? "(none)"} instead of {expected.Intent}";
            return false;
        }

        foreach (var (key, value) in expected.Slots)
        {
            if (!predicted.TryGetValue(key, out var actual))
            {
                reason = $"slot {key} missing (expected {value.GetRawText()})";
                return false;
            }

            if (!ValueMatches(value, actual))
            {
                reason = $"slot {key} = {Format(actual)} instead of {value.GetRawText()}";
                return false;
            }
        }

        return true;
    }

    private static bool ValueMatches(JsonElement expected, object actual) => expected.ValueKind switch
    {
        JsonValueKind.Array => expected.EnumerateArray().Any(e => ValueMatches(e, actual)),
        JsonValueKind.Number => ToDouble(actual) is { } d && Math.Abs(d - expected.GetDouble()) < 1e-9,
        JsonValueKind.String => string.Equals(expected.GetString(), Format(actual), StringComparison.OrdinalIgnoreCase)
            || (double.TryParse(expected.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && ToDouble(actual) == n),
        JsonValueKind.True or JsonValueKind.False => actual is bool b && b == expected.GetBoolean(),
        _ => false,
    };

    private static double? ToDouble(object value) => value switch
    {
        double d => d,
        int i => i,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    private static string Format(object value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
}
