using Jarvis.Protocol.Link;
using Microsoft.Extensions.Options;

namespace Jarvis.Satellite.Link;

/// <summary>Checks the link settings a user must fill in, with messages that say what to fix.</summary>
public sealed class LinkOptionsValidator : IValidateOptions<LinkOptions>
{
    public ValidateOptionsResult Validate(string? name, LinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (options.ServerUrl.Length > 0 && (!Uri.TryCreate(options.ServerUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("ws" or "wss")))
        {
            problems.Add($"Satellite:Link:ServerUrl must be a ws:// or wss:// URL such as ws://jarvis.local:8080{LinkProtocol.Path}, or empty to find the server by mDNS (is '{options.ServerUrl}').");
        }

        if (!LinkIds.IsValid(options.SatelliteId))
        {
            problems.Add($"Satellite:Link:SatelliteId must be 1-64 characters of a-z 0-9 _ - (is '{options.SatelliteId}').");
        }

        if (!LinkIds.IsValid(options.Room))
        {
            problems.Add($"Satellite:Link:Room must be 1-64 characters of a-z 0-9 _ - (is '{options.Room}').");
        }

        if (string.IsNullOrWhiteSpace(options.Token) || options.Token.Length > 512)
        {
            problems.Add(options.TokenError is { } error
                ? $"Satellite:Link:Token must be set: the satellite could not keep a generated token ({error}); check Satellite:StateDirectory's permissions or set a token (install.sh generates one)."
                : "Satellite:Link:Token must be set to the satellite's token from the server configuration (install.sh generates one).");
        }

        if (options.ReconnectMinMilliseconds > options.ReconnectMaxMilliseconds)
        {
            problems.Add("Satellite:Link:ReconnectMinMilliseconds must not exceed ReconnectMaxMilliseconds.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
