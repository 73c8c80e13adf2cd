using Microsoft.Extensions.Options;

namespace Jarvis.Server.PersonaPlex;

/// <summary>Fails start-up with a message that says which <c>PersonaPlex:*</c> setting to fix.</summary>
public sealed class PersonaPlexOptionsValidator : IValidateOptions<PersonaPlexOptions>
{
    public ValidateOptionsResult Validate(string? name, PersonaPlexOptions options)
    {
        var errors = new List<string>();
        var endpoints = options.EffectiveEndpointOptions;
        for (var i = 0; i < endpoints.Count; i++)
        {
            var key = options.Endpoints.Count > 0 ? $"PersonaPlex:Endpoints:{i}" : "PersonaPlex:Url";
            if (endpoints[i] is null)
            {
                errors.Add($"{key} is empty: give a URL, or an object with Url and Kind.");
                continue;
            }

            PersonaPlexEndpointValidator.Validate(endpoints[i], key, errors);
        }

        if (endpoints.All(e => e is not null) && options.TotalCapacity > 64)
        {
            errors.Add($"PersonaPlex endpoints add up to {options.TotalCapacity} sessions; at most 64 conversations can run at once: lower their Capacity.");
        }

        if (string.IsNullOrWhiteSpace(options.TextPrompt))
        {
            errors.Add("PersonaPlex:TextPrompt must not be empty (PersonaPlex drops the connection on an empty prompt).");
        }

        if (string.IsNullOrWhiteSpace(options.Voice))
        {
            errors.Add("PersonaPlex:Voice must name a voice prompt such as NATF2.pt.");
        }

        Positive(errors, options.RotateAfter, "RotateAfter");
        if (options.RotateQuietWait < TimeSpan.Zero)
        {
            errors.Add("PersonaPlex:RotateQuietWait must not be negative (e.g. 00:00:20; 00:00:00 replaces as soon as nobody speaks).");
        }

        Positive(errors, options.HandshakeTimeout, "HandshakeTimeout");
        Positive(errors, options.MaxDrift, "MaxDrift");
        Positive(errors, options.ReconnectBackoffInitial, "ReconnectBackoffInitial");
        if (options.ReconnectBackoffMax < options.ReconnectBackoffInitial)
        {
            errors.Add("PersonaPlex:ReconnectBackoffMax must be at least PersonaPlex:ReconnectBackoffInitial.");
        }

        if (Reconnect.ReconnectProbeInterval.Check(options.ReconnectProbeInterval, "PersonaPlex:ReconnectProbeInterval") is { } probeError)
        {
            errors.Add(probeError);
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Positive(List<string> errors, TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"PersonaPlex:{name} must be a positive duration (e.g. 00:00:30).");
        }
    }
}
