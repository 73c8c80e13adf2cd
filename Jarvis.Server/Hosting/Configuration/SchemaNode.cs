namespace Jarvis.Server.Hosting.Configuration;

/// <summary>One configuration section: the options types bound to it, its sub-sections, and single values it allows.</summary>
public sealed class SchemaNode
{
    /// <summary>Options classes bound at this path (<c>Conversation</c> has two).</summary>
    public List<Type> Types { get; } = [];

    /// <summary>Sections below this one that are not properties of <see cref="Types"/> (<c>Speech:Asr</c>).</summary>
    public Dictionary<string, SchemaNode> Children { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Single values allowed here that no options class declares (the host's <c>Urls</c>).</summary>
    public HashSet<string> Values { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Keys below are not checked (<c>Logging:LogLevel:MyCategory</c>).</summary>
    public bool IsFree { get; set; }

    public SchemaNode Child(string name)
    {
        if (!Children.TryGetValue(name, out var child))
        {
            child = new SchemaNode();
            Children[name] = child;
        }

        return child;
    }
}
