using Jarvis.Server.Hosting.Configuration;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Hosting;

/// <summary>
/// Runs the server after checking its whole configuration: every problem (file, JSON, unknown keys, values, options
/// validation, a busy HTTP port) is listed once, without a stack trace, and the exit code is 2.
/// </summary>
public static class ServerStartup
{
    /// <summary>Exit code for a configuration the server cannot start with.</summary>
    public const int ConfigurationExitCode = 2;

    public static async Task<int> RunAsync(string[] args)
    {
        WebApplication app;
        try
        {
            app = ServerApp.Build(args);
        }
        catch (ConfigurationProblemsException e)
        {
            return await FailAsync(e.File, e.Problems).ConfigureAwait(false);
        }

        await using (app.ConfigureAwait(false))
        {
            var file = app.Services.GetRequiredService<ConfigFileLocation>();
            if (Validate(app.Services) is { Count: > 0 } problems)
            {
                return await FailAsync(file.Path, problems).ConfigureAwait(false);
            }

            if (PortInUse.Probe(app.Configuration) is { } taken)
            {
                return await FailAsync(file.Path, [taken]).ConfigureAwait(false);
            }

            try
            {
                await app.RunAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (PortInUse.Describe(e) is { } busy)
            {
                return await FailAsync(file.Path, [busy]).ConfigureAwait(false);
            }
            catch (Exception e) when (ConfigurationErrors.Problems(e) is { Count: > 0 } late)
            {
                return await FailAsync(file.Path, late).ConfigureAwait(false);
            }

            return Environment.ExitCode;
        }
    }

    /// <summary>
    /// All options validations without starting anything; empty when valid. Each options type is bound on its own
    /// (the configuration check first), so that one value the binder cannot convert does not hide the other problems.
    /// </summary>
    public static IReadOnlyList<string> Validate(IServiceProvider services)
    {
        var problems = new List<string>();
        var types = ConfigurationSchema.BoundOptions(typeof(ServerStartup).Assembly).Select(b => b.Options).Prepend(typeof(ConfigurationCheck));
        foreach (var type in types.Distinct())
        {
            Collect(() => _ = ((IOptions<object>)services.GetRequiredService(typeof(IOptions<>).MakeGenericType(type))).Value);
        }

        Collect(() => services.GetService<IStartupValidator>()?.Validate());
        return ConfigurationErrors.Problems(new AggregateException(problems.Select(p => new ConfigurationProblemsException(p))));

        void Collect(Action validate)
        {
            try
            {
                validate();
            }
            catch (Exception e) when (ConfigurationErrors.Problems(e) is { Count: > 0 } found)
            {
                problems.AddRange(found);
            }
        }
    }

    /// <summary>The problems as the user sees them (standard error).</summary>
    public static string Format(string? file, IReadOnlyList<string> problems)
    {
        var lines = new List<string>
        {
            $"Jarvis cannot start: the configuration needs fixing{(file is null ? "" : $" ({file})")}:",
        };
        lines.AddRange(problems.Select(p => $"  - {p}"));
        lines.Add($"Every section and key: {ConfigFileLocator.Documentation}. Check again without starting: jarvis check-config (dotnet run --project Jarvis.Server -- check-config).");
        return string.Join(Environment.NewLine, lines);
    }

    private static async Task<int> FailAsync(string? file, IReadOnlyList<string> problems)
    {
        await Console.Error.WriteLineAsync(Format(file, problems)).ConfigureAwait(false);
        return ConfigurationExitCode;
    }
}
