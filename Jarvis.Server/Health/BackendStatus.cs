namespace Jarvis.Server.Health;

/// <summary>Readiness of one backend: whether it can be used now, and a human-readable detail (URL tried, error).</summary>
public sealed record BackendStatus(bool Ready, string Detail)
{
    public static BackendStatus Up(string detail) => new(true, detail);

    public static BackendStatus Down(string detail) => new(false, detail);
}
