namespace Jarvis.Server.Status;

/// <summary>
/// The homeowner's status page: one HTML file (<c>StatusPage.html</c>, embedded; no build step) whose script polls
/// <c>/api/status</c> every second and calls <c>/api/satellites</c> for approve, reject, mute, rename, move and remove.
/// </summary>
internal static class StatusPage
{
    public static readonly string Html = Load();

    private static string Load()
    {
        using var stream = typeof(StatusPage).Assembly.GetManifestResourceStream("Jarvis.Server.Status.StatusPage.html")
            ?? throw new InvalidOperationException("The status page resource is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
