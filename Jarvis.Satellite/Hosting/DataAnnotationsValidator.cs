using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Jarvis.Satellite.Hosting;

/// <summary>Validates an options class's [Range]/[AllowedValues] attributes, naming the section and property.</summary>
public sealed class DataAnnotationsValidator<T>(string section) : IValidateOptions<T>
    where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            return ValidateOptionsResult.Success;
        }

        return ValidateOptionsResult.Fail(results.Select(r =>
            $"{section}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
    }
}
