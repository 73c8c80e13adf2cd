namespace Jarvis.Server.HomeAssistant.Model;

/// <summary>
/// A user-facing entity as people name it: display name (registry name ?? friendly_name ?? original name),
/// aliases, resolved area (entity area ?? device area) and device class.
/// </summary>
public sealed record HomeEntity(string EntityId, string Name, IReadOnlyList<string> Aliases, string? AreaId, string? DeviceClass)
{
    public string Domain => EntityId[..Math.Max(0, EntityId.IndexOf('.', StringComparison.Ordinal))];
}
