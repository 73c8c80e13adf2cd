using Jarvis.Server.Health;
using Jarvis.Server.PersonaPlex.Readiness;
using Jarvis.Server.Reconnect;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.PersonaPlex;

public static class PersonaPlexServiceCollectionExtensions
{
    /// <summary>PersonaPlex options (section <c>PersonaPlex</c>, validated at start), session manager and readiness probe.</summary>
    public static IServiceCollection AddPersonaPlex(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PersonaPlexOptions>().Bind(configuration.GetSection(PersonaPlexOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PersonaPlexOptions>, PersonaPlexOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddReconnectProbe();
        services.AddSingleton<PersonaPlexSessionManager>();
        services.AddSingleton<IPersonaPlexSessions>(sp => sp.GetRequiredService<PersonaPlexSessionManager>());
        services.AddHostedService(sp => sp.GetRequiredService<PersonaPlexSessionManager>());
        services.AddSingleton<IBackendReadiness, PersonaPlexReadiness>();
        return services;
    }
}
