namespace Jarvis.Server.Discovery;

/// <summary>Registers the mDNS advertisement (section <c>Discovery</c>).</summary>
public static class DiscoveryRegistration
{
    public static IServiceCollection AddDiscovery(this IServiceCollection services)
    {
        services.AddOptions<DiscoveryOptions>().BindConfiguration(DiscoveryOptions.Section);
        services.AddHostedService<MdnsResponder>();
        return services;
    }
}
