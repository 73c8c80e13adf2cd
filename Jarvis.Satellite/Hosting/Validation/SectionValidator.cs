using Microsoft.Extensions.Options;

namespace Jarvis.Satellite.Hosting.Validation;

/// <summary>Runs a generated validator and names the configuration setting in each failure
/// (<c>Satellite:Vad:Mode: The field Mode must be between 0 and 3.</c>).</summary>
internal sealed class SectionValidator<T>(string section, IValidateOptions<T> inner) : IValidateOptions<T>
    where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var result = inner.Validate(name, options);
        return result.Failed && result.Failures is { } failures
            ? ValidateOptionsResult.Fail(failures.Select(f => $"{section}:{f}"))
            : result;
    }
}
