using Microsoft.Extensions.Options;

namespace Jarvis.Server.Mqtt;

/// <summary>Start-up validation with messages that say what to fix.</summary>
public sealed class MqttOptionsValidator : IValidateOptions<MqttOptions>
{
    public ValidateOptionsResult Validate(string? name, MqttOptions options)
    {
        var failures = new List<string>();
        if (options.Port is < 1 or > 65535)
        {
            failures.Add($"Mqtt:Port is {options.Port}: use a TCP port between 1 and 65535 (1883 is the MQTT default, 8883 with TLS).");
        }

        if (options.Mode == MqttBrokerMode.External && string.IsNullOrWhiteSpace(options.Host))
        {
            failures.Add("Mqtt:Mode is External but Mqtt:Host is empty: set it to your broker's host name (e.g. homeassistant.local), or set Mqtt:Mode to Embedded.");
        }

        if (options.Mode == MqttBrokerMode.Embedded && options.UseTls)
        {
            failures.Add("Mqtt:UseTls applies to an external broker only: the embedded broker listens without TLS. Remove Mqtt:UseTls or set Mqtt:Mode to External.");
        }

        if (string.IsNullOrEmpty(options.Username) != string.IsNullOrEmpty(options.Password))
        {
            failures.Add("Set both Mqtt:Username and Mqtt:Password, or neither.");
        }

        if (!Broker.MqttListenAddresses.TryParse(options.Listen, out _, out _))
        {
            failures.Add($"Mqtt:Listen '{options.Listen}' must be Loopback (default: this machine only), Any (every interface) or an IP address of this machine.");
        }

        if (options.Mode == MqttBrokerMode.Embedded)
        {
            ValidateEmbeddedAccounts(options, failures);
        }

        if (options.MaxPayloadBytes is < 1024 or > 16 * 1024 * 1024 || options.MaxRetainedMessages < 16 || options.ClaimsPerSecond < 1)
        {
            failures.Add("Mqtt:MaxPayloadBytes must be 1024..16777216, Mqtt:MaxRetainedMessages at least 16 and Mqtt:ClaimsPerSecond at least 1.");
        }

        if (string.IsNullOrWhiteSpace(options.TopicPrefix) || options.TopicPrefix.IndexOfAny(['#', '+', '/']) >= 0)
        {
            failures.Add($"Mqtt:TopicPrefix '{options.TopicPrefix}' must be one topic level without '/', '+' or '#' (default: jarvis).");
        }

        if (string.IsNullOrWhiteSpace(options.ServerId) || options.ServerId.IndexOfAny(['#', '+', '/']) >= 0)
        {
            failures.Add($"Mqtt:ServerId '{options.ServerId}' must be non-empty without '/', '+' or '#'.");
        }

        if (options.ReconnectMinDelay <= TimeSpan.Zero || options.ReconnectMaxDelay < options.ReconnectMinDelay)
        {
            failures.Add("Mqtt:ReconnectMinDelay must be positive and not above Mqtt:ReconnectMaxDelay.");
        }

        if (Reconnect.ReconnectProbeInterval.Check(options.ReconnectProbeInterval, "Mqtt:ReconnectProbeInterval") is { } probeError)
        {
            failures.Add(probeError);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The embedded broker's passwords guard this server's own broker: they must be real secrets.</summary>
    private static void ValidateEmbeddedAccounts(MqttOptions options, List<string> failures)
    {
        var passwords = new List<(string Setting, string? Password)>
        {
            ("Mqtt:Password", options.Password),
            ("Mqtt:HomeAssistantPassword", options.HomeAssistantPassword),
        };
        passwords.AddRange(options.Accounts.Select(a => ($"Mqtt:Accounts:{a.Key}:Password", (string?)a.Value.Password)));
        foreach (var (setting, password) in passwords)
        {
            if ((password is { Length: > 0 } || setting.StartsWith("Mqtt:Accounts:", StringComparison.Ordinal))
                && Security.TokenStrength.Problem(password) is { } problem)
            {
                failures.Add($"{setting} is refused ({problem}): remove it to let the server generate one, or set the output of `openssl rand -hex 32`.");
            }
        }

        var usernames = new[] { string.IsNullOrEmpty(options.Username) ? MqttAccounts.DefaultServerUsername : options.Username, options.HomeAssistantUsername }
            .Concat(options.Accounts.Keys).ToList();
        if (usernames.Any(string.IsNullOrWhiteSpace) || usernames.Distinct(StringComparer.Ordinal).Count() != usernames.Count)
        {
            failures.Add($"The embedded broker's usernames ({string.Join(", ", usernames)}) must be non-empty and different from each other (Mqtt:Username, Mqtt:HomeAssistantUsername, Mqtt:Accounts).");
        }
    }
}
