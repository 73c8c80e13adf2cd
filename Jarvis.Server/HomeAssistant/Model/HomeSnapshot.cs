namespace Jarvis.Server.HomeAssistant.Model;

/// <summary>
/// An immutable copy of the home's registries (floors, areas, entities). Rebuilt when a registry changes,
/// never on a plain state change; <see cref="Version"/> increases with each rebuild.
/// </summary>
public sealed class HomeSnapshot
{
    private readonly Dictionary<string, HomeEntity> _entities;
    private readonly Dictionary<string, HomeArea> _areas;
    private readonly Dictionary<string, HomeFloor> _floors;

    public HomeSnapshot(IReadOnlyList<HomeFloor> floors, IReadOnlyList<HomeArea> areas, IReadOnlyList<HomeEntity> entities, long version)
    {
        Floors = floors;
        Areas = areas;
        Entities = entities;
        Version = version;
        _floors = floors.GroupBy(f => f.Id).ToDictionary(g => g.Key, g => g.First());
        _areas = areas.GroupBy(a => a.Id).ToDictionary(g => g.Key, g => g.First());
        _entities = entities.GroupBy(e => e.EntityId).ToDictionary(g => g.Key, g => g.First());
    }

    public static HomeSnapshot Empty { get; } = new([], [], [], 0);

    public IReadOnlyList<HomeFloor> Floors { get; }

    public IReadOnlyList<HomeArea> Areas { get; }

    public IReadOnlyList<HomeEntity> Entities { get; }

    public long Version { get; }

    public HomeEntity? Entity(string entityId) => _entities.GetValueOrDefault(entityId);

    public HomeArea? Area(string? areaId) => areaId is null ? null : _areas.GetValueOrDefault(areaId);

    public HomeFloor? Floor(string? floorId) => floorId is null ? null : _floors.GetValueOrDefault(floorId);

    public HomeArea? AreaByName(string name) =>
        Areas.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The area a satellite's room refers to: by id, name or alias, ignoring case and separators
    /// ("living-room", "living_room" and "Living Room" are the same room).
    /// </summary>
    public HomeArea? ResolveRoom(string room)
    {
        var key = Squash(room);
        return Area(room)
            ?? Areas.FirstOrDefault(a => Squash(a.Id) == key || Squash(a.Name) == key || a.Aliases.Any(x => Squash(x) == key));
    }

    public bool IsInFloor(HomeEntity entity, string floorId) => Area(entity.AreaId)?.FloorId == floorId;

    private static string Squash(string text) => string.Concat(text.Where(char.IsLetterOrDigit)).ToLowerInvariant();

    public HomeSnapshot With(IReadOnlyList<HomeEntity> entities) => new(Floors, Areas, entities, Version + 1);
}
