using System.Diagnostics.CodeAnalysis;

namespace Jarvis.Protocol.Link;

/// <summary>
/// Satellite and room ids: 1-64 characters of <c>a-z 0-9 _ -</c>, starting with a letter or digit, so that they are
/// safe as MQTT topic levels and Home Assistant object ids.
/// </summary>
public static class LinkIds
{
    /// <summary>The longest id.</summary>
    public const int MaxLength = 64;

    /// <summary>True when <paramref name="id"/> is a valid satellite or room id.</summary>
    public static bool IsValid([NotNullWhen(true)] string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxLength || !IsLowerOrDigit(id[0]))
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!(IsLowerOrDigit(c) || c is '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLowerOrDigit(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c);
}
