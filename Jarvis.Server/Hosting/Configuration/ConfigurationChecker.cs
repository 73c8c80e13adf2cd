using System.Collections;
using System.Reflection;

namespace Jarvis.Server.Hosting.Configuration;

/// <summary>
/// Finds what the options binder would silently ignore or fail on with a bare message: unknown sections and keys
/// ("did you mean"), enum values (with the valid ones), durations (with the format), numbers, booleans and URLs (with
/// the schemes each key accepts). Unknown top-level sections are looked for in the file only (environment variables
/// share that level); everything under a known section is checked in the merged configuration.
/// </summary>
public sealed class ConfigurationChecker(ConfigurationSchema schema)
{
    private readonly List<string> _problems = [];

    /// <param name="merged">The configuration the server binds (file, environment, command line).</param>
    /// <param name="file">The configuration file alone, or null when there is none.</param>
    /// <param name="fileName">Its path, for the messages.</param>
    public static IReadOnlyList<string> Check(ConfigurationSchema schema, IConfiguration merged, IConfiguration? file, string? fileName)
    {
        var checker = new ConfigurationChecker(schema);
        if (file is not null)
        {
            checker.CheckTopLevel(file, fileName);
        }

        foreach (var (name, node) in schema.Root.Children)
        {
            checker.CheckNode(merged.GetSection(name), node);
        }

        return checker._problems;
    }

    private void CheckTopLevel(IConfiguration file, string? fileName)
    {
        var root = schema.Root;
        foreach (var section in file.GetChildren())
        {
            if (!root.Children.ContainsKey(section.Key) && !root.Values.Contains(section.Key))
            {
                var where = fileName is null ? "" : $" in {fileName}";
                var known = root.Children.Keys.Concat(root.Values).Order(StringComparer.Ordinal).ToArray();
                _problems.Add(Suggestions.Closest(section.Key, known) is { } suggestion
                    ? $"Unknown section {section.Key}{where}: did you mean {suggestion}?"
                    : $"Unknown section {section.Key}{where}: the sections are {string.Join(", ", known)}.");
            }
        }
    }

    private void CheckNode(IConfigurationSection section, SchemaNode node)
    {
        if (node.IsFree)
        {
            return;
        }

        var properties = node.Types.SelectMany(Bindable).ToArray();
        foreach (var child in section.GetChildren())
        {
            if (node.Children.TryGetValue(child.Key, out var childNode))
            {
                CheckNode(child, childNode);
            }
            else if (properties.FirstOrDefault(p => string.Equals(p.Name, child.Key, StringComparison.OrdinalIgnoreCase)) is { } property)
            {
                CheckValue(child, property.PropertyType, property);
            }
            else if (!node.Values.Contains(child.Key))
            {
                Unknown(child, properties.Select(p => p.Name).Concat(node.Children.Keys).Distinct());
            }
        }
    }

    private void CheckObject(IConfigurationSection section, Type type)
    {
        var properties = Bindable(type).ToArray();
        foreach (var child in section.GetChildren())
        {
            if (properties.FirstOrDefault(p => string.Equals(p.Name, child.Key, StringComparison.OrdinalIgnoreCase)) is { } property)
            {
                CheckValue(child, property.PropertyType, property);
            }
            else
            {
                Unknown(child, properties.Select(p => p.Name));
            }
        }
    }

    private void Unknown(IConfigurationSection child, IEnumerable<string> knownNames)
    {
        var known = knownNames.Order(StringComparer.Ordinal).ToArray();
        var parent = child.Path[..^child.Key.Length];
        _problems.Add(Suggestions.Closest(child.Key, known) is { } suggestion
            ? $"Unknown key {child.Path}: did you mean {parent}{suggestion}?"
            : $"Unknown key {child.Path}: the keys of {parent.TrimEnd(':')} are {string.Join(", ", known)}.");
    }

    private void CheckValue(IConfigurationSection section, Type declared, PropertyInfo? property)
    {
        var type = Nullable.GetUnderlyingType(declared) ?? declared;
        var hasChildren = section.GetChildren().Any();
        if (!hasChildren)
        {
            if (!string.IsNullOrEmpty(section.Value))
            {
                CheckScalar(section, type, property);
            }

            return;
        }

        if (ElementType(type, out var isDictionary) is { } element)
        {
            foreach (var entry in section.GetChildren())
            {
                if (!isDictionary && !int.TryParse(entry.Key, out _))
                {
                    _problems.Add($"{section.Path} is a list: write [ … ] (found the key {entry.Key}).");
                    continue;
                }

                CheckValue(entry, element, null);
            }
        }
        else if (ConfigurationValues.IsScalar(type))
        {
            _problems.Add($"{section.Path} is a single value ({ConfigurationValues.Describe(type)}), not a section.");
        }
        else
        {
            CheckObject(section, type);
        }
    }

    private void CheckScalar(IConfigurationSection section, Type type, PropertyInfo? property)
    {
        var schemes = property?.GetCustomAttribute<UrlSchemesAttribute>()?.Schemes;
        if (ConfigurationValues.Problem(section.Path, section.Value!, type, schemes) is { } problem)
        {
            _problems.Add(problem);
        }
    }

    /// <summary>Element type of a list/array/dictionary (null for anything else).</summary>
    private static Type? ElementType(Type type, out bool isDictionary)
    {
        isDictionary = false;
        if (type == typeof(string))
        {
            return null;
        }

        if (type.IsArray)
        {
            return type.GetElementType();
        }

        var dictionary = type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>));
        if (dictionary is not null)
        {
            isDictionary = true;
            return dictionary.GetGenericArguments()[1];
        }

        var enumerable = type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable is not null && typeof(IEnumerable).IsAssignableFrom(type) ? enumerable.GetGenericArguments()[0] : null;
    }

    /// <summary>Properties the binder sets: public, with a setter, or a collection/object it fills in place.</summary>
    private static IEnumerable<PropertyInfo> Bindable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is { IsPublic: true })
            .Where(p => p.SetMethod is { IsPublic: true } || !ConfigurationValues.IsScalar(Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType));
}
