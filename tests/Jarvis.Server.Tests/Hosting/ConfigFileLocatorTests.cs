using Jarvis.Server.Hosting.Configuration;

namespace Jarvis.Server.Tests.Hosting;

public sealed class ConfigFileLocatorTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("jarvis-locate-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void The_search_order_is_option_variable_working_directory_user_then_system()
    {
        var option = File("option");
        var variable = File("variable");
        var working = File("working");
        var user = File("user");
        var system = File("system");
        var paths = new ConfigSearchPaths(Path.GetDirectoryName(working)!, Path.GetDirectoryName(user), Path.GetDirectoryName(system), variable);

        Assert.Equal((option, "--config"), Found(["--config", option], paths));
        Assert.Equal((option, "--config"), Found([$"--config={option}"], paths));
        Assert.Equal((variable, "JARVIS_CONFIG"), Found([], paths));
        Assert.Equal((working, "working directory"), Found([], paths with { ConfigVariable = null }));
        System.IO.File.Delete(working);
        Assert.Equal((user, "user configuration directory"), Found([], paths with { ConfigVariable = null }));
        System.IO.File.Delete(user);
        Assert.Equal((system, "system configuration directory"), Found([], paths with { ConfigVariable = null }));
        System.IO.File.Delete(system);

        var none = ConfigFileLocator.Locate([], paths with { ConfigVariable = null });
        Assert.Null(none.Path);
        Assert.StartsWith("no configuration file: defaults (looked for ", none.Describe(), StringComparison.Ordinal);
        Assert.Equal(3, none.Searched.Count);
    }

    [Fact]
    public void A_named_file_that_does_not_exist_is_an_error_not_a_fallback()
    {
        var paths = new ConfigSearchPaths(root, null, null, Path.Combine(root, "missing.json"));

        var e = Assert.Throws<ConfigurationProblemsException>(() => ConfigFileLocator.Locate([], paths));

        Assert.Contains("JARVIS_CONFIG names", e.Problems.Single(), StringComparison.Ordinal);
        Assert.Contains("unset JARVIS_CONFIG", e.Problems.Single(), StringComparison.Ordinal);
        Assert.Throws<ConfigurationProblemsException>(() => ConfigFileLocator.Locate(["--config"], paths));
    }

    [Fact]
    public void A_relative_config_option_is_relative_to_the_working_directory()
    {
        var working = File("working");
        var paths = new ConfigSearchPaths(Path.GetDirectoryName(working)!, null, null, null);

        Assert.Equal(working, ConfigFileLocator.Locate(["--config", "jarvis.json"], paths).Path);
    }

    private static (string?, string) Found(string[] args, ConfigSearchPaths paths)
    {
        var found = ConfigFileLocator.Locate(args, paths);
        return (found.Path, found.Origin);
    }

    private string File(string name)
    {
        var directory = Directory.CreateDirectory(Path.Combine(root, name)).FullName;
        var path = Path.Combine(directory, "jarvis.json");
        System.IO.File.WriteAllText(path, "{}");
        return path;
    }
}
