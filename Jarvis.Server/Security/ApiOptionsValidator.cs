using Microsoft.Extensions.Options;

namespace Jarvis.Server.Security;

/// <summary>Start-up validation of the <c>Api</c> section, with messages that say what to fix.</summary>
public sealed class ApiOptionsValidator : IValidateOptions<ApiOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrEmpty(options.Token) && TokenStrength.Problem(options.Token) is { } problem)
        {
            failures.Add($"Api:Token is refused ({problem}): remove it to let the server generate one, or set the output of `openssl rand -hex 32`.");
        }

        if (options.MaxRequestBodyBytes is < 1024 or > 16 * 1024 * 1024)
        {
            failures.Add($"Api:MaxRequestBodyBytes is {options.MaxRequestBodyBytes}: use 1024 to 16777216 (default 65536).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
