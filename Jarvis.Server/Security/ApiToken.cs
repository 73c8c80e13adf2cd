using System.Security.Cryptography;
using System.Text;
using Jarvis.Server.State;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Security;

/// <summary>
/// The token that opens the HTTP API and the status page: <c>Api:Token</c>, or generated at first start into the state
/// directory (file <see cref="FileName"/>, mode 0600) and shown once on the console. The status page's cookie holds a
/// value derived from it (HMAC), never the token itself.
/// </summary>
public sealed partial class ApiToken(IOptions<ApiOptions> options, StateDirectory state, ISecretNotice notice, ILogger<ApiToken> logger)
{
    public const string FileName = "api-token";

    private readonly Lock _gate = new();
    private string? _value;
    private byte[]? _cookie;

    /// <summary>The token (loaded or generated on first use).</summary>
    public string Value
    {
        get
        {
            lock (_gate)
            {
                return _value ??= Load();
            }
        }
    }

    /// <summary>The status page cookie's value: HMAC-SHA256 of a fixed label under the token, hex.</summary>
    public string CookieValue => Convert.ToHexStringLower(CookieBytes());

    public bool Matches(string? presented) => Secrets.Same(presented, Value);

    public bool CookieMatches(string? presented) => Secrets.Same(presented, CookieValue);

    private byte[] CookieBytes()
    {
        lock (_gate)
        {
            return _cookie ??= HMACSHA256.HashData(Encoding.UTF8.GetBytes(_value ??= Load()), "jarvis status page session v1"u8);
        }
    }

    private string Load()
    {
        if (options.Value.Token is { Length: > 0 } configured)
        {
            return configured;
        }

        var token = state.GetOrCreateSecret(FileName, Secrets.NewToken, out var created);
        if (created)
        {
            notice.Show($"""
                Jarvis generated its API token (shown only this once; it is kept in {state.FileOf(FileName)}):
                    {token}
                The status page asks for it once. Programs send it as the header "Authorization: Bearer <token>".
                """);
            LogGenerated(state.FileOf(FileName));
        }

        return token;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generated the API token: it was printed once on standard output and is kept in {Path}")]
    private partial void LogGenerated(string path);
}
