using Microsoft.Extensions.Options;

namespace Jarvis.Server.PersonaPlex;

/// <summary>Fails start-up with a message that says which <c>PersonaPlex:*</c> setting to fix.</summary>
public sealed class PersonaPlexOptionsValidator : IValidateOptions<PersonaPlexOptions>
{
    public ValidateOptionsResult Validate(string? name, PersonaPlexOptions options)
    {
        var errors = new List<string>();
        foreach (var url in options.Endpoints.Count > 0 ? options.Endpoints : [options.Url])
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "ws" && uri.Scheme != "wss"))
            {
                errors.Add($"PersonaPlex endpoint '{url}' must be an absolute ws:// or wss:// URL, e.g. ws://gpu-box:8998/api/chat.");
            }
            else if (!string.IsNullOrEmpty(uri.Query))
            {
                errors.Add($"PersonaPlex endpoint '{url}' must not carry a query: set PersonaPlex:TextPrompt and PersonaPlex:Voice instead.");
            }
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
        Positive(errors, options.HandshakeTimeout, "HandshakeTimeout");
        Positive(errors, options.MaxDrift, "MaxDrift");
        Positive(errors, options.ReconnectBackoffInitial, "ReconnectBackoffInitial");
        if (options.ReconnectBackoffMax < options.ReconnectBackoffInitial)
        {
            errors.Add("PersonaPlex:ReconnectBackoffMax must be at least PersonaPlex:ReconnectBackoffInitial.");
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
