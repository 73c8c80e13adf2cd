namespace Jarvis.Server.Security;

/// <summary>
/// <c>POST /login</c> (form field <c>token</c>) sets the status page's session cookie (HttpOnly, SameSite=Strict,
/// Secure over HTTPS) and returns to the page; <c>POST /logout</c> removes it.
/// </summary>
public static class LoginEndpoints
{
    private static readonly TimeSpan CookieLifetime = TimeSpan.FromDays(400);

    public static IEndpointRouteBuilder MapLogin(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/login", async (HttpContext context, ApiToken token) =>
        {
            var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false) : null;
            var presented = form?["token"].ToString().Trim();
            if (!token.Matches(presented))
            {
                return Results.Content(LoginPage.Html("That is not the API token."), "text/html; charset=utf-8", statusCode: StatusCodes.Status401Unauthorized);
            }

            context.Response.Cookies.Append(ApiTokenAuthentication.CookieName, token.CookieValue, Cookie(context, CookieLifetime));
            return Results.Redirect("/", permanent: false, preserveMethod: false);
        }).AllowAnonymous();
        endpoints.MapPost("/logout", (HttpContext context) =>
        {
            context.Response.Cookies.Delete(ApiTokenAuthentication.CookieName, Cookie(context, TimeSpan.Zero));
            return Results.Redirect("/");
        });
        return endpoints;
    }

    private static CookieOptions Cookie(HttpContext context, TimeSpan lifetime) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = "/",
        MaxAge = lifetime,
        IsEssential = true,
    };
}
