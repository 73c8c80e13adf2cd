namespace Jarvis.Server.HomeAssistant.Intents;

/// <summary>What a name of the live home refers to.</summary>
public enum NameKind
{
    Entity,
    Area,
    Floor,
}

/// <summary>A name of the live home (entity, area or floor, by id).</summary>
public readonly record struct NameRef(NameKind Kind, string Id);
