using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Jarvis.Server.State;

/// <summary>Registers the <see cref="StateDirectory"/> (section <c>State</c>).</summary>
public static class StateRegistration
{
    public static IServiceCollection AddStateDirectory(this IServiceCollection services)
    {
        services.AddOptions<StateOptions>().BindConfiguration(StateOptions.Section);
        services.TryAddSingleton<StateDirectory>();
        return services;
    }
}
