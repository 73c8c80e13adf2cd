using System.Text;
using Jarvis.Server.HomeAssistant.Model;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.HomeAssistant.Summary;

/// <summary>
/// Renders <see cref="HomeSummary"/>: one line per area listing the names people say for its controllable devices
/// (the area's own name dropped from the front),
/// largest areas first, then devices without an area, cut to the token budget. Cached per home snapshot.
/// </summary>
public sealed class HomeSummaryProvider(HomeModel model, IOptions<HomeAssistantOptions> options)
{
    private static readonly HashSet<string> Domains =
        ["light", "switch", "fan", "cover", "lock", "climate", "media_player", "vacuum", "scene", "script", "valve"];

    private HomeSummary? _cached;

    public HomeSummary Current
    {
        get
        {
            var snapshot = model.Snapshot;
            var cached = _cached;
            if (cached is not null && cached.Version == snapshot.Version)
            {
                return cached;
            }

            var summary = Render(snapshot, options.Value.SummaryTokenBudget);
            _cached = summary;
            return summary;
        }
    }

    public static HomeSummary Render(HomeSnapshot home, int tokenBudget)
    {
        var lines = home.Entities.Where(e => Domains.Contains(e.Domain))
            .GroupBy(e => home.Area(e.AreaId)?.Name ?? "Elsewhere")
            .OrderBy(g => g.Key == "Elsewhere")
            .ThenByDescending(g => g.Count())
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(e => Short(e.Name, g.Key)).Distinct(StringComparer.OrdinalIgnoreCase))}.");
        var text = new StringBuilder("Home: ");
        var truncated = false;
        foreach (var line in lines)
        {
            if (HomeSummary.EstimateTokens(text.ToString() + line) > tokenBudget)
            {
                truncated = true;
                break;
            }

            text.Append(line).Append(' ');
        }

        var rendered = text.ToString().TrimEnd();
        if (rendered == "Home:")
        {
            rendered = "";
        }

        return new HomeSummary(rendered, HomeSummary.EstimateTokens(rendered), home.Version, truncated);
    }

    /// <summary>"Kitchen countertop" listed under Kitchen is just "countertop" (fewer prompt tokens, same meaning).</summary>
    private static string Short(string name, string area) =>
        name.Length > area.Length + 1 && name.StartsWith(area + " ", StringComparison.OrdinalIgnoreCase) ? name[(area.Length + 1)..] : name;
}
