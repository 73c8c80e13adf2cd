namespace Jarvis.Server.HomeAssistant.Intents;

/// <summary>Builds the target of a command from the names, nouns and places in an utterance.</summary>
internal static class CommandTargets
{
    private static readonly HashSet<string> Controllable =
    [
        "light", "switch", "fan", "cover", "lock", "valve", "scene", "script", "media_player", "climate", "vacuum",
        "input_boolean", "humidifier", "siren", "automation", "water_heater",
    ];

    public static bool IsControllable(DeviceKind kind) => Controllable.Contains(kind.Domain);

    /// <param name="pronouns">False where "this"/"it" never means the previous devices ("skip this").</param>
    public static IntentTarget Build(Utterance u, Func<DeviceKind, bool> allowed, string? impliedDomain = null, bool pronouns = true)
    {
        var area = u.AreaId;
        var floor = u.FloorId;
        var pronoun = pronouns && u.Has(WordKind.Pronoun);
        var named = new List<Model.HomeEntity>();
        var namedTags = new HashSet<Tag>();
        foreach (var tag in u.EntityTags)
        {
            var accepted = tag.Names.Where(n => n.Kind == NameKind.Entity)
                .Select(n => u.Home.Entity(n.Id))
                .OfType<Model.HomeEntity>()
                .Where(e => allowed(new DeviceKind(e.Domain, e.DeviceClass)))
                .ToList();
            if (accepted.Count == 0)
            {
                continue;
            }

            named.AddRange(Narrow(accepted, area ?? u.SpeakerAreaId));
            namedTags.Add(tag);
        }

        if (named.Count > 0)
        {
            var first = named[0];
            return new IntentTarget
            {
                EntityIds = named.Select(e => e.EntityId).Distinct().ToList(),
                Name = first.Name,
                AreaId = area,
                FloorId = floor,
                Domain = first.Domain,
                DeviceClass = first.DeviceClass,
            };
        }

        var verbTag = u.Tags.FirstOrDefault(t => !t.IsFiller) is { } head && head.Is(WordKind.Verb) ? head : null;
        DeviceKind? kind = u.Tags.Where(t => !namedTags.Contains(t) && t != verbTag)
            .SelectMany(t => t.Words)
            .Where(w => w.Kind == WordKind.Noun)
            .SelectMany(w => w.DeviceKinds)
            .Where(allowed)
            .Select(k => (DeviceKind?)k)
            .FirstOrDefault();
        var fromSpeaker = false;
        if (area is null && floor is null && !u.IsEverywhere && (u.IsHere || !pronoun))
        {
            area = u.SpeakerAreaId;
            fromSpeaker = area is not null;
        }

        return new IntentTarget
        {
            AreaId = area,
            FloorId = floor,
            Domain = kind?.Domain ?? impliedDomain,
            DeviceClass = kind?.DeviceClass,
            FromSpeakerRoom = fromSpeaker,
            IsPronoun = pronoun && kind is null && impliedDomain is null,
        };
    }

    /// <summary>Of several entities sharing a name, keep those in the given area when there are any.</summary>
    private static IEnumerable<Model.HomeEntity> Narrow(List<Model.HomeEntity> entities, string? areaId)
    {
        if (entities.Count < 2 || areaId is null)
        {
            return entities;
        }

        var inArea = entities.Where(e => e.AreaId == areaId).ToList();
        return inArea.Count > 0 ? inArea : entities;
    }
}
