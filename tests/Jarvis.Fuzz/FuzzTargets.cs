using Jarvis.Fuzz.Targets;

namespace Jarvis.Fuzz;

/// <summary>Every fuzz target, by name.</summary>
internal static class FuzzTargets
{
    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        new LinkTarget(),
        new OggTarget(),
        new WyomingTarget(),
        new MqttTarget(),
        new PersonaPlexTarget(),
        new RealtimeTarget(),
        new HomeAssistantTarget(),
        new ConfigTarget(),
    ];

    public static FuzzTarget? Find(string name) => All.FirstOrDefault(t => t.Name == name);
}
