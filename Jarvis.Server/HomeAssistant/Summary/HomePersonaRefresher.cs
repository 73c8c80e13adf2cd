using Jarvis.Server.PersonaPlex;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.HomeAssistant.Summary;

/// <summary>
/// Keeps PersonaPlex aware of the home: appends the compact <see cref="HomeSummary"/> to the configured persona and
/// hands it to the session manager whenever the home's names or areas change. The session manager applies a persona
/// at the next session (an idle warm session is rotated; a conversation keeps its prompt until it ends).
/// </summary>
public sealed class HomePersonaRefresher(
    HomeSummaryProvider summaries,
    IPersonaPlexSessions sessions,
    IOptions<PersonaPlexOptions> personaPlex,
    IOptions<HomeAssistantOptions> homeAssistant,
    TimeProvider time,
    ILogger<HomePersonaRefresher> logger) : BackgroundService
{
    /// <summary>How often the home summary is compared with the one last applied (cheap: cached per home version).</summary>
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(10);

    private HomeSummary? _applied;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!homeAssistant.Value.IsConfigured)
        {
            return;
        }

        using var timer = new PeriodicTimer(CheckInterval, time);
        do
        {
            await RefreshAsync(stoppingToken).ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>Applies the current summary if it differs from the last one applied; returns whether it did.</summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        var summary = summaries.Current;
        if (summary.Text.Length == 0 || !summary.DiffersFrom(_applied))
        {
            return false;
        }

        var options = personaPlex.Value;
        await sessions.SetPersonaAsync(Compose(options.TextPrompt, summary), options.Voice, cancellationToken).ConfigureAwait(false);
        _applied = summary;
        logger.LogInformation(
            "PersonaPlex persona now describes the home ({Tokens} tokens{Truncated}); it applies from the next session",
            summary.ApproxTokens,
            summary.Truncated ? ", cut to the budget" : "");
        return true;
    }

    public static string Compose(string persona, HomeSummary summary) =>
        summary.Text.Length == 0 ? persona : $"{persona.TrimEnd()} {summary.Text}";
}
