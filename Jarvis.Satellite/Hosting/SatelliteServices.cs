using System.Device.Gpio;
using System.Device.Spi;
using Jarvis.Protocol.Link;
using Jarvis.Protocol.Link.Messages;
using Jarvis.Satellite.Aec;
using Jarvis.Satellite.Audio;
using Jarvis.Satellite.Audio.Alsa;
using Jarvis.Satellite.Audio.PortAudio;
using Jarvis.Satellite.Button;
using Jarvis.Satellite.Interop;
using Jarvis.Satellite.Leds;
using Jarvis.Satellite.Link;
using Jarvis.Satellite.Playback;
using Jarvis.Satellite.Uplink;
using Jarvis.Satellite.Vad;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jarvis.Satellite.Hosting;

/// <summary>Registers the satellite: options (validated on start), audio, link, button, LEDs, watchdog.</summary>
public static class SatelliteServices
{
    public static IServiceCollection AddSatellite(this IServiceCollection services)
    {
        services.AddSatelliteOptions();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<MonotonicClock>();
        services.AddSingleton<LedController>();
        services.AddSingleton<SatelliteStatus>();
        services.AddSingleton<SatelliteEvents>();
        services.AddSingleton<AudioDeviceCounters>();
        services.AddSingleton<PlaybackVolume>();
        services.AddSingleton(sp => new MuteStateStore(
            Path.Combine(sp.GetRequiredService<IOptions<SatelliteOptions>>().Value.StateDirectory, "muted"),
            sp.GetRequiredService<ILogger<MuteStateStore>>()));
        services.AddSingleton<MuteController>();
        services.AddSingleton(sp =>
        {
            var audio = sp.GetRequiredService<IOptions<AudioOptions>>().Value;
            return new EchoReference(audio.SampleRate, sp.GetRequiredService<IOptions<EchoCancellerOptions>>().Value.ReferenceDelayMilliseconds);
        });
        services.AddSingleton(sp => new OpusPacketDecoder(sp.GetRequiredService<IOptions<AudioOptions>>().Value.SampleRate));
        services.AddSingleton(sp => new JitterBuffer(
            sp.GetRequiredService<OpusPacketDecoder>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<JitterBufferOptions>>().Value));
        services.AddSingleton(sp =>
        {
            var audio = sp.GetRequiredService<IOptions<AudioOptions>>().Value;
            return new LinkUplink(audio.SampleRate, audio.FrameMilliseconds, sp.GetRequiredService<IOptions<LinkOptions>>().Value,
                sp.GetRequiredService<MonotonicClock>());
        });
        services.AddSingleton<IVoiceUplink>(sp => sp.GetRequiredService<LinkUplink>());
        services.AddSingleton(Capabilities);
        services.TryAddSingleton(AudioDevicesFor);
        services.TryAddSingleton<Func<ILinkTransport>>(() => new WebsocketClientTransport());
        services.AddSingleton<LinkSession>();
        services.TryAddSingleton<Discovery.IServerLocator, Discovery.MdnsServerLocator>();
        services.AddSingleton(LedHardwareFor);
        services.AddSingleton(sp => new LedAnimator(
            sp.GetRequiredService<LedHardware>().Strip, sp.GetRequiredService<TimeProvider>(),
            TimeSpan.FromMilliseconds(sp.GetRequiredService<IOptions<LedOptions>>().Value.TransitionMilliseconds),
            (byte)sp.GetRequiredService<IOptions<LedOptions>>().Value.Brightness));

        services.AddSingleton<AudioService>();
        services.AddHostedService(sp => sp.GetRequiredService<AudioService>());
        services.AddHostedService<LinkClientService>();
        services.AddHostedService<ButtonService>();
        services.AddHostedService<LedService>();
        services.AddHostedService<WatchdogService>();
        return services;
    }

    private static SatelliteCapabilities Capabilities(IServiceProvider sp)
    {
        var audio = sp.GetRequiredService<IOptions<AudioOptions>>().Value;
        var leds = sp.GetRequiredService<IOptions<LedOptions>>().Value.Profile;
        NativeLibraries.EnsureResolver();
        return new SatelliteCapabilities(
            [audio.SampleRate], [LinkCodec.Opus], audio.HasSpeaker,
            leds switch { LedProfile.None => LedKind.None, LedProfile.Gpio => LedKind.Gpio, _ => LedKind.Apa102Ring },
            sp.GetRequiredService<IOptions<ButtonOptions>>().Value.Pin is not null,
            audio.HasSpeaker && EchoCancellerFactory.CanCancel(sp.GetRequiredService<IOptions<EchoCancellerOptions>>().Value));
    }

    private static IAudioDeviceFactory AudioDevicesFor(IServiceProvider sp)
    {
        var audio = sp.GetRequiredService<IOptions<AudioOptions>>().Value;
        var time = sp.GetRequiredService<TimeProvider>();
        return audio.Backend switch
        {
            AudioBackend.PortAudio => new PortAudioDeviceFactory(audio, time, sp.GetRequiredService<ILogger<PortAudioDeviceFactory>>()),
            _ => new AlsaDeviceFactory(audio, time, sp.GetRequiredService<ILogger<AlsaDeviceFactory>>()),
        };
    }

    private static LedHardware LedHardwareFor(IServiceProvider sp)
    {
        var options = sp.GetRequiredService<IOptions<LedOptions>>().Value;
        try
        {
            return LedHardware.Create(options, SpiDevice.Create, () => new GpioController());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or PlatformNotSupportedException)
        {
            sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LedHardware)).LogWarning(
                "LEDs ({Profile}) unavailable: {Error}. Enable SPI (dtparam=spi=on) and add the user to the spi/gpio groups", options.Profile, e.Message);
            return LedHardware.Create(new LedOptions(), SpiDevice.Create, () => new GpioController());
        }
    }
}
