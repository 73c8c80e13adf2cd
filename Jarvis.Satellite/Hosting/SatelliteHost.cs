using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;

namespace Jarvis.Satellite.Hosting;

/// <summary>
/// Builds the satellite host: settings from <c>/etc/jarvis/satellite.json</c> (or <c>JARVIS_SATELLITE_CONFIG</c> /
/// <c>--config FILE</c>), then environment variables (<c>JARVIS_Satellite__Link__Token</c>), then the command line
/// (<c>--Satellite:Link:Room=kitchen</c>); systemd integration (Type=notify, watchdog).
/// </summary>
public static class SatelliteHost
{
    public const string DefaultConfigPath = "/etc/jarvis/satellite.json";

    public static HostApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddJsonFile(ConfigPath(args), optional: true, reloadOnChange: false);
        builder.Configuration.AddEnvironmentVariables("JARVIS_");
        builder.Configuration.AddCommandLine(args);
        builder.Services.AddSystemd();
        builder.Services.TryAddSingleton<ISystemdNotifier, SystemdNotifier>();
        builder.Services.AddSatellite();
        return builder;
    }

    public static string ConfigPath(string[] args)
    {
        var index = Array.IndexOf(args, "--config");
        if (index >= 0 && index + 1 < args.Length)
        {
            return Path.GetFullPath(args[index + 1]);
        }

        return Environment.GetEnvironmentVariable("JARVIS_SATELLITE_CONFIG") is { Length: > 0 } fromEnv ? Path.GetFullPath(fromEnv) : DefaultConfigPath;
    }
}
