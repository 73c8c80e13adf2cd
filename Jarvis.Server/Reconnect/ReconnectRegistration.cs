using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Jarvis.Server.Reconnect;

public static class ReconnectRegistration
{
    /// <summary>The port probe the reconnect loops of PersonaPlex, Home Assistant and MQTT wait with (<see cref="ReconnectWait"/>).</summary>
    public static IServiceCollection AddReconnectProbe(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IPortProbe>(sp => new TcpPortProbe(sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
