using System.Text.RegularExpressions;

namespace Jarvis.Server.HomeAssistant.Conversation;

/// <summary>Splits "turn off the lights and lock the front door" / "close the blinds, then set the heat to 20" into steps.</summary>
internal static partial class StepSplitter
{
    public static IReadOnlyList<string> Split(string transcript) =>
        Connectors().Split(transcript).Select(s => s.Trim(' ', ',', '.')).Where(s => s.Length > 0).ToList();

    [GeneratedRegex(@"\s*,?\s+(?:and\s+then|and|then|after\s+that|also)\s+|\s*[,;]\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Connectors();
}
