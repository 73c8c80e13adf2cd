using System.Globalization;

namespace Jarvis.Server.HomeAssistant.Intents;

/// <summary>Reads a number at a token position: digits ("20.5", "50") or words ("twenty point five", "a hundred").</summary>
public static class NumberWords
{
    private static readonly Dictionary<string, int> Units = new(StringComparer.Ordinal)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19,
    };

    private static readonly Dictionary<string, int> Tens = new(StringComparer.Ordinal)
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    /// <summary>Number of tokens consumed (0 if no number starts here).</summary>
    public static int TryRead(IReadOnlyList<string> tokens, int start, out double value)
    {
        value = 0;
        var token = tokens[start];
        if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && char.IsDigit(token[0]))
        {
            return 1;
        }

        var i = start;
        if (token == "a" && i + 1 < tokens.Count && tokens[i + 1] == "hundred")
        {
            value = 100;
            return 2;
        }

        var consumed = ReadInteger(tokens, ref i, out var whole);
        if (consumed == 0)
        {
            return 0;
        }

        value = whole;
        if (i + 1 < tokens.Count && tokens[i] == "point")
        {
            var fraction = "";
            var j = i + 1;
            while (j < tokens.Count && Units.TryGetValue(tokens[j], out var digit) && digit < 10)
            {
                fraction += digit.ToString(CultureInfo.InvariantCulture);
                j++;
            }

            if (fraction.Length > 0)
            {
                value = whole + double.Parse("0." + fraction, CultureInfo.InvariantCulture);
                i = j;
            }
        }

        return i - start;
    }

    private static int ReadInteger(IReadOnlyList<string> tokens, ref int i, out int value)
    {
        var start = i;
        value = 0;
        if (i < tokens.Count && Units.TryGetValue(tokens[i], out var small))
        {
            value = small;
            i++;
            if (i + 1 <= tokens.Count && i < tokens.Count && tokens[i] == "hundred")
            {
                value *= 100;
                i++;
                if (i < tokens.Count && tokens[i] == "and")
                {
                    i++;
                }
            }
            else
            {
                return i - start;
            }
        }

        if (i < tokens.Count && Tens.TryGetValue(tokens[i], out var tens))
        {
            value += tens;
            i++;
            if (i < tokens.Count && Units.TryGetValue(tokens[i], out var unit) && unit < 10)
            {
                value += unit;
                i++;
            }
        }
        else if (i < tokens.Count && i > start && Units.TryGetValue(tokens[i], out var rest))
        {
            value += rest;
            i++;
        }

        return i - start;
    }
}
