using System.Reflection;

namespace Jarvis.Server.Hosting.Configuration;

/// <summary>
/// The sections and keys the server reads, taken from its options classes: every <c>*Options</c> type with a
/// <c>public const string Section</c> is bound at that path (<c>Speech:Asr</c> makes <c>Speech</c> a section of sections),
/// plus ASP.NET Core's own keys (<c>Urls</c>, <c>AllowedHosts</c>, <c>Logging</c>, <c>Kestrel</c>).
/// </summary>
public sealed class ConfigurationSchema
{
    /// <summary>Top-level keys ASP.NET Core reads as single values.</summary>
    private static readonly string[] HostValues =
        ["Urls", "AllowedHosts", "Http_Ports", "Https_Ports", "Environment", "ContentRoot", "ApplicationName", "DetailedErrors", "Config"];

    /// <summary>Top-level sections read by ASP.NET Core with keys of their own choosing (log categories, endpoint names).</summary>
    private static readonly string[] FreeSections = ["Logging", "Kestrel"];

    private ConfigurationSchema(SchemaNode root) => Root = root;

    /// <summary>The server's configuration: its assembly's options classes and the host's keys.</summary>
    public static ConfigurationSchema Server { get; } = FromAssembly(typeof(ConfigurationSchema).Assembly);

    public SchemaNode Root { get; }

    /// <summary>Every options type and the section it is bound at.</summary>
    public static IEnumerable<(string Section, Type Options)> BoundOptions(Assembly assembly) =>
        from type in assembly.GetTypes()
        where type.IsClass && type.Name.EndsWith("Options", StringComparison.Ordinal)
        let field = type.GetField("Section", BindingFlags.Public | BindingFlags.Static)
        where field is { IsLiteral: true } && field.FieldType == typeof(string)
        select ((string)field.GetRawConstantValue()!, type);

    public static ConfigurationSchema FromAssembly(Assembly assembly)
    {
        var root = new SchemaNode();
        foreach (var name in HostValues)
        {
            root.Values.Add(name);
        }

        foreach (var name in FreeSections)
        {
            root.Child(name).IsFree = true;
        }

        foreach (var (section, type) in BoundOptions(assembly))
        {
            var node = section.Split(':').Aggregate(root, (parent, name) => parent.Child(name));
            node.Types.Add(type);
        }

        return new ConfigurationSchema(root);
    }
}
