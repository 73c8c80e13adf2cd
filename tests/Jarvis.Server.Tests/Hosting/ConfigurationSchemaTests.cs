using System.Reflection;
using Jarvis.Server.Hosting;
using Jarvis.Server.Hosting.Configuration;
using Jarvis.Server.Tests.Hub;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Tests.Hosting;

public sealed class ConfigurationSchemaTests
{
    [Fact]
    public async Task Every_options_class_the_server_binds_is_in_the_schema()
    {
        await using var app = ServerApp.Build(TestState.Arguments());
        var known = ConfigurationSchema.BoundOptions(typeof(ServerApp).Assembly).Select(b => b.Options).ToHashSet();
        var configured = typeof(ServerApp).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && t.Name.EndsWith("Options", StringComparison.Ordinal))
            .Where(t => app.Services.GetService(typeof(IConfigureOptions<>).MakeGenericType(t)) is not null)
            .ToArray();

        Assert.Contains(typeof(Jarvis.Server.Mqtt.MqttOptions), configured);
        Assert.All(configured, t => Assert.True(known.Contains(t), $"{t.Name} is bound but has no public const string Section: its keys would be reported as unknown"));
    }

    [Fact]
    public void Every_uri_setting_declares_the_schemes_it_accepts()
    {
        var uris = ConfigurationSchema.BoundOptions(typeof(ServerApp).Assembly)
            .SelectMany(b => b.Options.GetProperties().Select(p => (b.Section, Property: p)))
            .Where(p => p.Property.PropertyType == typeof(Uri))
            .ToArray();

        Assert.NotEmpty(uris);
        Assert.All(uris, p => Assert.True(p.Property.GetCustomAttribute<UrlSchemesAttribute>() is not null, $"{p.Section}:{p.Property.Name} has no [UrlSchemes]"));
    }

    [Fact]
    public void Docs_configuration_md_lists_every_section_and_key()
    {
        var doc = File.ReadAllText(Path.Combine(ServerProcess.Repository, "docs", "configuration.md"));
        var missing = ConfigurationSchema.BoundOptions(typeof(ServerApp).Assembly)
            .SelectMany(b => b.Options.GetProperties().Where(p => p.SetMethod is { IsPublic: true }).Select(p => (b.Section, p.Name)))
            .Where(k => !doc.Contains($"### `{k.Section}`", StringComparison.Ordinal) || !doc.Contains($"| `{k.Name}` |", StringComparison.Ordinal))
            .Select(k => $"{k.Section}:{k.Name}")
            .ToArray();

        Assert.Empty(missing);
    }

    [Theory]
    [InlineData("Satelites", "Satellites")]
    [InlineData("Prot", "Port")]
    [InlineData("homeassistent", "HomeAssistant")]
    [InlineData("Zzzzzz", null)]
    public void Did_you_mean_finds_the_closest_name(string typed, string? expected) =>
        Assert.Equal(expected, Suggestions.Closest(typed, ["Satellites", "Port", "HomeAssistant", "Mqtt", "Host"]));
}
