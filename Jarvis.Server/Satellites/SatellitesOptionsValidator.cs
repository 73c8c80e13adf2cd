using Jarvis.Protocol.Link;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Satellites;

/// <summary>Start-up validation of the satellite section, with messages that say what to fix.</summary>
public sealed class SatellitesOptionsValidator : IValidateOptions<SatellitesOptions>
{
    public ValidateOptionsResult Validate(string? name, SatellitesOptions options)
    {
        var failures = new List<string>();
        if (!options.Path.StartsWith('/'))
        {
            failures.Add($"Satellites:Path '{options.Path}' must start with '/' (default: /link/v1).");
        }

        foreach (var origin in options.AllowedOrigins)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.AbsolutePath != "/")
            {
                failures.Add($"Satellites:AllowedOrigins '{origin}' must be a browser origin such as https://jarvis.example:8443 (scheme, host, optional port; no path).");
            }
        }

        foreach (var (id, entry) in options.Devices)
        {
            if (!LinkIds.IsValid(id))
            {
                failures.Add($"Satellite id '{id}' must be 1-64 of a-z 0-9 _ - (it is used in MQTT topics): rename Satellites:Devices:{id}.");
            }

            if (entry.Room is { Length: > 0 } room && !LinkIds.IsValid(room))
            {
                failures.Add($"Satellites:Devices:{id}:Room '{room}' must be 1-64 of a-z 0-9 _ -.");
            }

            if (Security.TokenStrength.Problem(entry.Token) is { } problem)
            {
                failures.Add($"Satellites:Devices:{id}:Token is refused ({problem}): set the token that systemd/install.sh printed on the satellite, or a new one from `openssl rand -hex 32` on both sides.");
            }
        }

        var shared = options.Devices.Where(d => d.Value.Token.Length > 0).GroupBy(d => d.Value.Token, StringComparer.Ordinal).Where(g => g.Count() > 1);
        foreach (var group in shared)
        {
            failures.Add($"Satellites {string.Join(" and ", group.Select(d => d.Key))} have the same token: give each satellite its own (`openssl rand -hex 32`), so that one stolen device cannot pose as another.");
        }

        var rooms = options.Devices.Keys.GroupBy(options.RoomOf).Where(g => g.Count() > 1);
        foreach (var room in rooms)
        {
            failures.Add($"Room '{room.Key}' is served by several satellites ({string.Join(", ", room)}): give each satellite its own Room.");
        }

        if (options.WakePacketMs is < 20 or > 120 || options.WakePacketMs % 20 != 0)
        {
            failures.Add($"Satellites:WakePacketMs {options.WakePacketMs} must be 20, 40, 60, 80, 100 or 120 (the satellites' 20 ms frames joined into one Opus packet; default 60, 20 turns joining off).");
        }

        if (options.HelloTimeout <= TimeSpan.Zero || options.PingInterval <= TimeSpan.Zero || options.DownlinkQueuePackets < 4
            || options.UplinkSampleRate is not (16000 or 24000 or 48000))
        {
            failures.Add("Satellites:HelloTimeout and Satellites:PingInterval must be positive and Satellites:DownlinkQueuePackets at least 4; Satellites:UplinkSampleRate 16000, 24000 or 48000.");
        }

        if (options.PlaybackLagMargin <= TimeSpan.Zero || options.PlaybackLagSustain < TimeSpan.Zero)
        {
            failures.Add("Satellites:PlaybackLagMargin must be positive (e.g. 00:00:00.100) and Satellites:PlaybackLagSustain not negative (e.g. 00:00:10).");
        }

        if (options.MaxPendingRequests is < 1 or > 256 || options.RejectedFor < TimeSpan.Zero)
        {
            failures.Add("Satellites:MaxPendingRequests must be 1-256 and Satellites:RejectedFor not negative (default 01:00:00).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
