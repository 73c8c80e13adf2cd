using Jarvis.Satellite.Aec;
using Jarvis.Satellite.Audio;
using Jarvis.Satellite.Button;
using Jarvis.Satellite.Hosting.Validation;
using Jarvis.Satellite.Leds;
using Jarvis.Satellite.Link;
using Jarvis.Satellite.Playback;
using Jarvis.Satellite.Vad;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jarvis.Satellite.Hosting;

/// <summary>
/// The satellite's settings: bound by the configuration binding source generator and checked by generated
/// validators at start (ValidateOnStart), so a Native AOT build binds exactly what the JIT build does.
/// </summary>
public static class SatelliteOptionsServices
{
    public static IServiceCollection AddSatelliteOptions(this IServiceCollection services)
    {
        services.AddOptions<AudioOptions>().BindConfiguration("Satellite:Audio").ValidateOnStart();
        Validate("Satellite:Audio", new AudioOptionsValidator());
        // Satellite:Echo is the section's former name: still read, Satellite:Aec wins.
        services.AddOptions<EchoCancellerOptions>()
            .Configure<IConfiguration>((options, configuration) =>
            {
                configuration.GetSection("Satellite:Echo").Bind(options);
                configuration.GetSection("Satellite:Aec").Bind(options);
            })
            .ValidateOnStart();
        Validate("Satellite:Aec", new EchoCancellerOptionsValidator());
        services.AddOptions<VadOptions>().BindConfiguration("Satellite:Vad").ValidateOnStart();
        Validate("Satellite:Vad", new VadOptionsValidator());
        services.AddOptions<LedOptions>().BindConfiguration("Satellite:Leds").ValidateOnStart();
        Validate("Satellite:Leds", new LedOptionsValidator());
        services.AddOptions<ButtonOptions>().BindConfiguration("Satellite:Button").ValidateOnStart();
        Validate("Satellite:Button", new ButtonOptionsValidator());
        services.AddOptions<JitterBufferOptions>().BindConfiguration("Satellite:Playback").ValidateOnStart();
        Validate("Satellite:Playback", new JitterBufferOptionsValidator());
        services.AddOptions<SatelliteOptions>().BindConfiguration("Satellite").ValidateOnStart();
        services.AddOptions<LinkOptions>().BindConfiguration("Satellite:Link").ValidateOnStart()
            .PostConfigure<IOptions<SatelliteOptions>, ILoggerFactory>((link, satellite, loggers) =>
            {
                if (!string.IsNullOrWhiteSpace(link.Token))
                {
                    return;
                }

                var token = SatelliteTokenFile.GetOrCreate(satellite.Value.StateDirectory, out var created, out var error);
                link.TokenError = error;
                if (token is not null)
                {
                    link.Token = token;
                    loggers.CreateLogger(typeof(SatelliteTokenFile)).LogInformation(
                        created ? "Generated this satellite's token in {Directory} (pairing code {Code}): approve it on the server's status page"
                            : "Using this satellite's token from {Directory} (pairing code {Code})",
                        satellite.Value.StateDirectory, Protocol.Link.LinkPairing.CodeOf(token));
                }
            });
        Validate("Satellite:Link", new LinkOptionsAnnotationsValidator());
        services.AddSingleton<IValidateOptions<LinkOptions>, LinkOptionsValidator>();
        return services;

        void Validate<T>(string section, IValidateOptions<T> generated)
            where T : class => services.AddSingleton<IValidateOptions<T>>(new SectionValidator<T>(section, generated));
    }
}
