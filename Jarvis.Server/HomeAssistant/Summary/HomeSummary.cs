namespace Jarvis.Server.HomeAssistant.Summary;

/// <summary>
/// The compact home description for the PersonaPlex persona prompt. <see cref="ApproxTokens"/> = ceil(characters / 4)
/// (each prompt token costs ~80 ms of the session's prompt phase). <see cref="Version"/> changes when the home's
/// names/areas change, so the hub refreshes the persona at the next session rotation.
/// </summary>
public sealed record HomeSummary(string Text, int ApproxTokens, long Version, bool Truncated)
{
    public static int EstimateTokens(string text) => (text.Length + 3) / 4;

    public bool DiffersFrom(HomeSummary? previous) => previous is null || !string.Equals(previous.Text, Text, StringComparison.Ordinal);
}
