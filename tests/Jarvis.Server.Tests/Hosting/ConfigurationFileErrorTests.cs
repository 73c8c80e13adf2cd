using Jarvis.Server.Hosting;
using Microsoft.Extensions.Configuration;

namespace Jarvis.Server.Tests.Hosting;

/// <summary>
/// A broken jarvis.json gives the list of things to fix, not a stack trace. Found by the fuzz target config
/// (tests/Jarvis.Fuzz): the file provider's "duplicate key" error was not recognised as a configuration problem.
/// </summary>
public sealed class ConfigurationFileErrorTests
{
    [Theory]
    [InlineData("""{"Mqtt":{"Port":1883,"Port":1884}}""", "duplicate key 'Mqtt:Port'")]
    [InlineData("""{"Mqtt":{"port":1883},"mqtt":{"Port":1}}""", "duplicate key")]
    [InlineData("""s{"Mqtt":{}}""", "Could not parse the JSON file")]
    [InlineData("""{"Mqtt":""", "Could not parse the JSON file")]
    public void A_broken_configuration_file_is_described(string json, string expected)
    {
        var path = Path.Combine(Path.GetTempPath(), $"jarvis-config-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        try
        {
            var error = Assert.ThrowsAny<Exception>(() => new ConfigurationBuilder().AddJsonFile(path, optional: false).Build());

            var described = ConfigurationErrors.Describe(error);

            Assert.NotNull(described);
            Assert.Contains(expected, described);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
