using System.Text.RegularExpressions;
using Jarvis.Server.Routing;

namespace Jarvis.Server.Answering;

/// <summary>Recognises a spoken rating of the last conversation: "rate that 4", "rate this conversation five out of five".</summary>
public static partial class RatingParser
{
    private static readonly string[] Words = ["zero", "one", "two", "three", "four", "five"];

    public static bool TryParse(string transcript, out int stars)
    {
        stars = 0;
        var match = Pattern().Match(QueryNormalizer.Normalize(transcript));
        if (!match.Success)
        {
            return false;
        }

        var value = match.Groups["n"].Value;
        stars = value.Length == 1 ? value[0] - '0' : Array.IndexOf(Words, value);
        return stars is >= 1 and <= 5;
    }

    [GeneratedRegex(@"^(?:(?:please|jarvis|i)\s+)*rate\s+(?:that|this|it|the\s+(?:last\s+)?(?:answer|conversation|reply))?\s*(?:conversation\s+)?(?:an?\s+|at\s+)?(?<n>[0-9]|one|two|three|four|five)(?:\s+(?:out\s+of|of)\s+(?:5|five))?(?:\s+stars?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
