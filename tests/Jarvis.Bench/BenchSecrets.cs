namespace Jarvis.Bench;

/// <summary>Satellite tokens and a state directory for the harnesses that run the real server (which refuses weak tokens).</summary>
internal static class BenchSecrets
{
    /// <summary>64 hex characters derived from the room name.</summary>
    public static string TokenOf(string room) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"jarvis-bench-{room}")));

    public static string NewStateDirectory() => Directory.CreateTempSubdirectory("jarvis-bench-state-").FullName;
}
