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

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
