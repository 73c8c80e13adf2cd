namespace Jarvis.Server.Security;

/// <summary>The HTTP API and status page (configuration section <c>Api</c>).</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>The API token; empty = generated at first start and kept in the state directory (file <c>api-token</c>).</summary>
    public string? Token { get; set; }

    /// <summary>The largest request body the server reads (ratings and logins are a few hundred bytes).</summary>
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;
}
