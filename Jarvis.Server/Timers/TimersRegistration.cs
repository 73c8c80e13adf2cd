using Jarvis.Server.HomeAssistant;
using Jarvis.Server.HomeAssistant.Conversation;
using Jarvis.Server.HomeAssistant.Model;
using Jarvis.Server.Rooms;
using Jarvis.Server.Satellites;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Timers;

/// <summary>Registers timers (section <c>Timers</c>): the book, the ringer, and the timer engine in front of the home engine.</summary>
public static class TimersRegistration
{
    /// <summary>Call after <c>AddHomeAssistant</c>: it puts <see cref="TimerHomeEngine"/> in place of the home engine.</summary>
    public static IServiceCollection AddTimers(this IServiceCollection services)
    {
        services.AddOptions<TimersOptions>().BindConfiguration(TimersOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TimersOptions>, TimersOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TimerStore>();
        services.AddSingleton<TimerBook>();
        services.AddSingleton<TimerCommands>();
        services.AddSingleton<TimerEarcon>();
        services.AddSingleton<TimerRinger>();
        services.AddHostedService(sp => sp.GetRequiredService<TimerRinger>());
        services.AddSingleton<IRoomButtonObserver>(sp => sp.GetRequiredService<TimerRinger>());
        services.AddHostedService<MqttTimers>();
        services.AddSingleton<CountdownLed>();
        services.AddHostedService(sp => sp.GetRequiredService<CountdownLed>());
        services.AddSingleton<IHubCommandSink>(sp => sp.GetRequiredService<CountdownLed>());
        services.Replace(ServiceDescriptor.Singleton<IRoomIdleLed>(sp => sp.GetRequiredService<CountdownLed>()));
        services.Replace(ServiceDescriptor.Singleton<IHomeEngine>(sp => new TimerHomeEngine(
            sp.GetRequiredService<HomeConversation>(), sp.GetRequiredService<TimerCommands>(), sp.GetRequiredService<TimerRinger>(),
            sp.GetRequiredService<HomeModel>(), sp.GetService<IBroadcaster>(), sp.GetService<Announcements.AnnouncementAsks>())));
        return services;
    }
}
