using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Security;

/// <summary>
/// Authenticates a request by <c>Authorization: Bearer &lt;API token&gt;</c> or by the status page's session cookie.
/// A challenge answers 401 with what to send.
/// </summary>
public sealed class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiToken token)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "JarvisApiToken";
    public const string CookieName = "jarvis_session";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? presented = null;
        var viaCookie = false;
        if (Request.Headers.Authorization.ToString() is { Length: > 0 } header)
        {
            if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                return Task.FromResult(AuthenticateResult.Fail("the Authorization header is not a Bearer token"));
            }

            presented = header["Bearer ".Length..].Trim();
        }
        else if (Request.Cookies.TryGetValue(CookieName, out var cookie))
        {
            presented = cookie;
            viaCookie = true;
        }

        if (presented is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!(viaCookie ? token.CookieMatches(presented) : token.Matches(presented)))
        {
            return Task.FromResult(AuthenticateResult.Fail(viaCookie ? "the session cookie is stale" : "wrong API token"));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "owner")], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"jarvis\"";
        await Response.WriteAsJsonAsync(new
        {
            error = "This needs the Jarvis API token: send the header \"Authorization: Bearer <token>\" (the token was printed at "
                + "the server's first start and is kept in the state directory, file api-token), or sign in on the status page.",
        }).ConfigureAwait(false);
    }
}
