using Jarvis.Server.State;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Security;

/// <summary>
/// Secure by default for HTTP: every endpoint needs the API token unless it opts out with <c>AllowAnonymous</c>
/// (<c>/health</c>, the satellite link, the sign-in page); allowed host names; capped request bodies.
/// </summary>
public static class SecurityRegistration
{
    public static IServiceCollection AddServerSecurity(this IServiceCollection services)
    {
        services.AddStateDirectory();
        services.TryAddSingleton<ISecretNotice, ConsoleSecretNotice>();
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiOptions>, ApiOptionsValidator>();
        services.AddSingleton<ApiToken>();
        services.AddHostedService<ApiTokenStartup>();

        services.AddAuthentication(ApiTokenAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(ApiTokenAuthentication.SchemeName).RequireAuthenticatedUser().Build());

        // Authentication brings ASP.NET Core data protection; Jarvis signs nothing with it, but its key ring lives in the
        // state directory rather than in ~/.aspnet.
        services.AddOptions<KeyManagementOptions>().Configure<StateDirectory, ILoggerFactory>((keys, state, loggers) =>
        {
            var directory = state.EnsureCreatedDirectory("data-protection-keys");
            keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(directory), loggers);
        });

        // With nothing signed, an unencrypted key at rest protects nothing: its "No XML encryptor" warning at every start
        // would only teach the homeowner to ignore warnings.
        services.AddLogging(logging => logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error));

        // The framework's own host filter (the whole app) stays open; UseServerSecurity filters all but the satellite link.
        services.PostConfigure<HostFilteringOptions>(options => options.AllowedHosts = ["*"]);
        services.AddSingleton<AllowedHostsSetup>();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<ApiOptions>>((kestrel, api) =>
            kestrel.Limits.MaxRequestBodySize = api.Value.MaxRequestBodyBytes);
        return services;
    }

    public static WebApplication UseServerSecurity(this WebApplication app)
    {
        var link = app.Configuration[$"{Satellites.SatellitesOptions.Section}:{nameof(Satellites.SatellitesOptions.Path)}"] is { Length: > 0 } path
            ? path : Protocol.Link.LinkProtocol.Path;
        var hosts = app.Services.GetRequiredService<AllowedHostsSetup>();
        app.UseWhen(context => !context.Request.Path.StartsWithSegments(link),
            branch => branch.UseMiddleware<HostFilteringMiddleware>(hosts));
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapLogin();
        return app;
    }
}
