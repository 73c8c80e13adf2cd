using System.Text.Json;
using Jarvis.Server.HomeAssistant.Model;

namespace Jarvis.Bench.HomeAssistant;

/// <summary>A generated home of N entities (areas × device kinds × adjectives) and sentences that name its devices.</summary>
internal static class SyntheticHome
{
    private static readonly string[] Rooms =
    [
        "Kitchen", "Living Room", "Bedroom", "Office", "Garage", "Hallway", "Dining Room", "Study", "Nursery", "Attic", "Basement Den",
        "Guest Bath", "Laundry", "Pantry", "Porch", "Patio", "Library", "Gym", "Cellar", "Studio", "Workshop", "Playroom", "Loft", "Sunroom",
        "Mudroom", "Foyer", "Closet", "Master Bath", "Kids Room", "Media Room",
    ];

    private static readonly (string Domain, string Noun)[] Kinds =
        [("light", "Lamp"), ("light", "Ceiling Light"), ("light", "Spotlight"), ("switch", "Plug"), ("fan", "Fan"), ("cover", "Blind"), ("lock", "Lock"), ("media_player", "Speaker")];

    private static readonly string[] Adjectives = ["Left", "Right", "Corner", "Window", "Desk", "Reading", "Floor", "Wall", "Accent"];

    public static FixtureHome Create(int count)
    {
        var floors = new List<HomeFloor> { new("f1", "Ground Floor", []), new("f2", "Upper Floor", []), new("f3", "Lower Floor", []) };
        var areas = Rooms.Select((r, i) => new HomeArea($"a{i}", r, [], floors[i % floors.Count].Id)).ToList();
        var entities = new List<HomeEntity>();
        var states = new List<EntityState>();
        for (var i = 0; entities.Count < count; i++)
        {
            var area = areas[i % areas.Count];
            var kind = Kinds[i / areas.Count % Kinds.Length];
            var adjective = Adjectives[i / (areas.Count * Kinds.Length) % Adjectives.Length];
            var serial = i / (areas.Count * Kinds.Length * Adjectives.Length);
            var name = $"{area.Name} {adjective} {kind.Noun}{(serial > 0 ? $" {serial + 1}" : "")}";
            var id = $"{kind.Domain}.e{i}";
            entities.Add(new HomeEntity(id, name, [], area.Id, null));
            states.Add(new EntityState(id, "off", JsonSerializer.SerializeToElement(new { friendly_name = name })));
        }

        return new FixtureHome(new HomeSnapshot(floors, areas, entities, 1), states);
    }

    public static List<(string Sentence, string Area)> Sentences(HomeSnapshot home, int count)
    {
        var random = new Random(7);
        var templates = new[]
        {
            "turn on the {0}", "switch off the {0}", "set the {0} to 40%", "is the {0} on?", "{0} off please",
            "turn off the lights in the {1}", "are any lights on in the {1}?", "close the blinds in the {1}", "turn on all the fans on the {2}",
            "what is the state of the {0}", "dim the {0} a bit", "lock the {0}",
        };
        var sentences = new List<(string, string)>();
        for (var i = 0; i < count; i++)
        {
            var entity = home.Entities[random.Next(home.Entities.Count)];
            var area = home.Area(entity.AreaId)!;
            var floor = home.Floor(area.FloorId)!;
            var template = templates[random.Next(templates.Length)];
            sentences.Add((string.Format(System.Globalization.CultureInfo.InvariantCulture, template, entity.Name.ToLowerInvariant(), area.Name.ToLowerInvariant(), floor.Name.ToLowerInvariant()), area.Id));
        }

        return sentences;
    }
}
