using System.ComponentModel;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Jarvis.Server.Hosting.Configuration;

/// <summary>Checks one configuration value against its type and says, when it is wrong, what a right one looks like.</summary>
public static partial class ConfigurationValues
{
    /// <summary>Types bound from a single string.</summary>
    public static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(Uri) || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(Guid);

    /// <summary>A short name for the kind of value a type takes.</summary>
    public static string Describe(Type type) =>
        type.IsEnum ? $"one of {string.Join(", ", Enum.GetNames(type))}"
        : type == typeof(TimeSpan) ? "a duration such as \"00:00:20\""
        : type == typeof(bool) ? "true or false"
        : type == typeof(Uri) ? "a URL"
        : type == typeof(string) ? "text"
        : "a number";

    /// <summary>Null when <paramref name="value"/> binds to <paramref name="type"/> (and, for URLs, has an accepted scheme).</summary>
    public static string? Problem(string path, string value, Type type, IReadOnlyList<string>? schemes)
    {
        if (type.IsEnum)
        {
            var names = Enum.GetNames(type);
            return names.Any(n => string.Equals(n, value.Trim(), StringComparison.OrdinalIgnoreCase))
                ? null
                : $"{path} is \"{value}\": use one of {string.Join(", ", names)}.";
        }

        if (type == typeof(TimeSpan))
        {
            return TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out _)
                ? null
                : $"{path} is \"{value}\", not a duration: write hours:minutes:seconds, {Suggest(value) ?? "e.g. \"00:00:20\" for 20 seconds, \"00:00:00.300\" for 300 ms"}.";
        }

        if (type == typeof(bool))
        {
            return bool.TryParse(value, out _) ? null : $"{path} is \"{value}\": use true or false.";
        }

        if (type == typeof(Uri) || (type == typeof(string) && schemes is not null))
        {
            return UrlProblem(path, value, schemes);
        }

        if (type == typeof(string))
        {
            return null;
        }

        var converter = TypeDescriptor.GetConverter(type);
        if (!converter.CanConvertFrom(typeof(string)))
        {
            return $"{path} is a section, not a single value: write {{ … }} with its keys.";
        }

        try
        {
            _ = converter.ConvertFromInvariantString(value);
            return null;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or NotSupportedException or OverflowException || e.InnerException is FormatException or OverflowException)
        {
            return IsScalar(type)
                ? $"{path} is \"{value}\": use {Describe(type)}{Range(type)}."
                : $"{path} is \"{value}\": {e.Message}";
        }
    }

    private static string? UrlProblem(string path, string value, IReadOnlyList<string>? schemes)
    {
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Host)
            && (schemes is not { Count: > 0 } || schemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase)))
        {
            return null;
        }

        if (schemes is not { Count: > 0 })
        {
            return $"{path} is \"{value}\", not a URL: write SCHEME://HOST:PORT.";
        }

        var accepted = string.Join(" or ", schemes.Select(s => s + "://"));
        var meant = value.Contains("://", StringComparison.Ordinal) ? "." : $" (did you mean \"{schemes[0]}://{value}\"?)";
        return $"{path} is \"{value}\", not a URL it can use: it must start with {accepted}{meant}";
    }

    private static string Range(Type type) =>
        type == typeof(double) || type == typeof(float) ? " such as 0.7 (a dot, not a comma)"
        : "";

    /// <summary>"20s", "300ms", "2m", "1h" as the duration the user meant.</summary>
    private static string? Suggest(string value)
    {
        var match = ShortDuration().Match(value.Trim());
        if (!match.Success || !double.TryParse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount))
        {
            return null;
        }

        var duration = match.Groups[2].Value.ToLowerInvariant() switch
        {
            "ms" => TimeSpan.FromMilliseconds(amount),
            "s" or "sec" => TimeSpan.FromSeconds(amount),
            "m" or "min" => TimeSpan.FromMinutes(amount),
            _ => TimeSpan.FromHours(amount),
        };
        return $"\"{duration.ToString("c", CultureInfo.InvariantCulture)}\" for {value.Trim()}";
    }

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)\s*(ms|s|sec|m|min|h)$", RegexOptions.IgnoreCase)]
    private static partial Regex ShortDuration();
}
