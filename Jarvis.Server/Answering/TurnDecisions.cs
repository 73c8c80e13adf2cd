namespace Jarvis.Server.Answering;

/// <summary>
/// What a turn has decided so far (route, handling, the home's outcome, the answer). Set as each decision is made, so the
/// record of a turn that is interrupted or fails midway still says what it was doing ("deep", not the defaults).
/// </summary>
internal sealed class TurnDecisions
{
    public string Route { get; set; } = TurnRoutes.None;

    public double Score { get; set; }

    public string Handling { get; set; } = TurnRoutes.None;

    public string? Home { get; set; }

    public string? AnswerText { get; set; }

    public string? IgnoredBecause { get; set; }

    public void Set(string route, string handling)
    {
        Route = route;
        Handling = handling;
    }
}
