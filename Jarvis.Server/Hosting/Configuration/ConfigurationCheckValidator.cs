using Microsoft.Extensions.Options;

namespace Jarvis.Server.Hosting.Configuration;

/// <summary>Runs <see cref="ConfigurationChecker"/> over the server's configuration and its file when options are validated.</summary>
public sealed class ConfigurationCheckValidator(IConfiguration configuration, ConfigFileLocation file) : IValidateOptions<ConfigurationCheck>
{
    public ValidateOptionsResult Validate(string? name, ConfigurationCheck options)
    {
        var fileOnly = file.Path is null ? null : new ConfigurationBuilder().AddJsonFile(file.Path, optional: true, reloadOnChange: false).Build();
        var problems = ConfigurationChecker.Check(ConfigurationSchema.Server, configuration, fileOnly, file.Path);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
