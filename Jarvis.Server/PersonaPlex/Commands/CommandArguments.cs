namespace Jarvis.Server.PersonaPlex.Commands;

/// <summary><c>--name value</c> pairs and <c>--flag</c> switches of a command line.</summary>
internal sealed class CommandArguments
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.OrdinalIgnoreCase);

    private CommandArguments()
    {
    }

    public static bool TryParse(IReadOnlyList<string> args, out CommandArguments parsed, out string? error)
    {
        parsed = new CommandArguments();
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || args[i].Length < 3)
            {
                error = $"unexpected argument '{args[i]}'";
                return false;
            }

            var hasValue = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            parsed._values[args[i][2..]] = hasValue ? args[++i] : null;
        }

        return true;
    }

    public string? Get(string name) => _values.GetValueOrDefault(name);

    public bool Has(string name) => _values.ContainsKey(name);

    public double GetSeconds(string name, double fallback) =>
        _values.GetValueOrDefault(name) is { } text && double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
