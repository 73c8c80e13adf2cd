namespace Jarvis.Server.HomeAssistant.Intents;

/// <summary>Colour names a light understands (CSS3 names that people say, sent as <c>color_name</c>).</summary>
public static class Colors
{
    public static IReadOnlyList<string> Names { get; } =
    [
        "red", "green", "blue", "yellow", "orange", "purple", "pink", "white", "cyan", "magenta", "violet", "indigo",
        "brown", "gold", "silver", "turquoise", "teal", "lime", "navy", "maroon", "olive", "lavender", "coral",
        "salmon", "crimson", "aqua", "beige", "tan", "khaki", "plum", "orchid", "fuchsia", "chartreuse",
        "skyblue", "hotpink", "deeppink", "lightblue", "darkblue", "lightgreen", "darkgreen", "warm white", "cool white",
    ];

    /// <summary>The CSS3 <c>color_name</c> for a spoken colour ("warm white" → "white", "sky blue" → "skyblue").</summary>
    public static string ToCssName(string color) => color switch
    {
        "warm white" or "cool white" => "white",
        _ => color.Replace(" ", string.Empty, StringComparison.Ordinal),
    };
}
