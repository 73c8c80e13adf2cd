using Jarvis.Server.Mqtt;
using Jarvis.Server.Timers;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Announcements;

/// <summary>Registers announcements (section <c>Announcements</c>): the announcer, open questions and the spoken broadcast.</summary>
public static class AnnouncementsRegistration
{
    public static IServiceCollection AddAnnouncements(this IServiceCollection services)
    {
        services.AddOptions<AnnouncementsOptions>().BindConfiguration(AnnouncementsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AnnouncementsOptions>, AnnouncementsOptionsValidator>();
        services.AddSingleton<AnnouncementAsks>();
        services.AddSingleton<Announcer>();
        services.AddSingleton<IBroadcaster, AnnouncementBroadcaster>();
        services.AddSingleton<MqttAnnouncements>();
        services.AddSingleton<IMqttCommandObserver>(sp => sp.GetRequiredService<MqttAnnouncements>());
        services.AddHostedService(sp => sp.GetRequiredService<MqttAnnouncements>());
        return services;
    }
}
