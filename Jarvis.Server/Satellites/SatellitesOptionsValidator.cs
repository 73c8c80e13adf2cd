using Microsoft.Extensions.Options;

namespace Jarvis.Server.Satellites;

/// <summary>Start-up validation of the satellite section, with messages that say what to fix.</summary>
public sealed class SatellitesOptionsValidator : IValidateOptions<SatellitesOptions>
{
    public const int MinimumTokenLength = 16;

    public ValidateOptionsResult Validate(string? name, SatellitesOptions options)
    {
        var failures = new List<string>();
        if (!options.Path.StartsWith('/'))
        {
            failures.Add($"Satellites:Path '{options.Path}' must start with '/' (default: /satellite).");
        }

        foreach (var (id, entry) in options.Devices)
        {
            if (id.IndexOfAny(['/', '+', '#', ' ']) >= 0)
            {
                failures.Add($"Satellite id '{id}' must not contain '/', '+', '#' or spaces (it is used in MQTT topics): rename Satellites:Devices:{id}.");
            }

            if (entry.Token.Length < MinimumTokenLength)
            {
                failures.Add($"Satellites:Devices:{id}:Token is {(entry.Token.Length == 0 ? "missing" : "too short")}: set a random secret of at least {MinimumTokenLength} characters (e.g. `openssl rand -hex 16`) and the same token on the satellite.");
            }
        }

        var rooms = options.Devices.Keys.GroupBy(options.RoomOf).Where(g => g.Count() > 1);
        foreach (var room in rooms)
        {
            failures.Add($"Room '{room.Key}' is served by several satellites ({string.Join(", ", room)}): give each satellite its own Room.");
        }

        if (options.HelloTimeout <= TimeSpan.Zero || options.PingInterval <= TimeSpan.Zero || options.DownlinkQueuePackets < 4)
        {
            failures.Add("Satellites:HelloTimeout and Satellites:PingInterval must be positive and Satellites:DownlinkQueuePackets at least 4.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
