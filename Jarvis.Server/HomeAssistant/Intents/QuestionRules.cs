namespace Jarvis.Server.HomeAssistant.Intents;

/// <summary>Questions: temperatures, "what is X", and state questions ("are any curtains open upstairs?").</summary>
internal static class QuestionRules
{
    public static IntentMatch? Match(Utterance u) => Question(u) is { } match ? match with { Query = FormOf(u) } : null;

    private static QueryForm FormOf(Utterance u) =>
        u.Tokens.Contains("many") ? QueryForm.Count
        : u.Tokens.Any(t => t is "which" or "what" or "who") ? QueryForm.Which
        : u.Tokens.Any(t => t is "all" or "every" or "everyone" or "everybody") ? QueryForm.All
        : QueryForm.Any;

    private static IntentMatch? Question(Utterance u)
    {
        if (u.QuestionWord == "temperature" || u.Has(WordKind.Attribute, "temperature"))
        {
            return Temperature(u);
        }

        var predicates = u.Tags.Where(t => t.Is(WordKind.Predicate)).ToList();
        var entities = u.EntityTags.Where(t => !IsQuantifiedNoun(u, t)).SelectMany(t => t.Names).Where(n => n.Kind == NameKind.Entity)
            .Select(n => u.Home.Entity(n.Id)).OfType<Model.HomeEntity>().ToList();
        if (predicates.Count == 0 && entities.Count > 0)
        {
            var entity = entities.OrderByDescending(e => ClassWordsSaid(u, e)).First();
            return new IntentMatch(IntentNames.GetState, Place(u) with
            {
                EntityIds = entities.Where(e => e.Name == entity.Name).Select(e => e.EntityId).ToList(),
                Name = entity.Name,
                Domain = entity.Domain,
                DeviceClass = entity.DeviceClass,
            });
        }

        var options = predicates.Count > 0
            ? predicates.SelectMany(t => t.Words).Where(w => w.Kind == WordKind.Predicate).SelectMany(w => Predicates.For(w.Value)).ToList()
            : [.. Predicates.Existence];
        foreach (var option in options)
        {
            var matching = entities.Where(e => option.Accepts(e.Domain, e.DeviceClass)).ToList();
            if (matching.Count > 0)
            {
                var entity = matching[0];
                return new IntentMatch(IntentNames.GetState, Place(u) with
                {
                    EntityIds = matching.Where(e => e.Name == entity.Name).Select(e => e.EntityId).ToList(),
                    Name = entity.Name,
                    Domain = entity.Domain,
                    DeviceClass = entity.DeviceClass,
                })
                { State = option.State };
            }
        }

        // Kinds the home actually has come first: "are any windows open?" asks the window sensors when there are no window covers.
        var present = HomeVocabulary.For(u.Home).PresentKinds;
        var nounKinds = u.NounKinds(includeNamed: true).SelectMany(k => k).ToList();
        var ordered = nounKinds.Where(k => present.Any(p => k.Accepts(p.Domain, p.DeviceClass))).Concat(nounKinds);
        foreach (var kind in ordered)
        {
            if (options.FirstOrDefault(o => o.Accepts(kind)) is { } option)
            {
                var narrowed = option.Narrow(kind);
                return new IntentMatch(IntentNames.GetState, Place(u) with { Domain = narrowed.Domain, DeviceClass = narrowed.DeviceClass })
                {
                    State = option.State,
                };
            }
        }

        if (predicates.Count > 0 && options.Count > 0)
        {
            var option = options[0];
            return new IntentMatch(IntentNames.GetState, Place(u) with { Domain = option.Kind?.Domain, DeviceClass = option.Kind?.DeviceClass })
            {
                State = option.State,
            };
        }

        return null;
    }

    /// <summary>"is any light on": a word that is both a name and a noun means the noun after any/all/which/how many.</summary>
    private static bool IsQuantifiedNoun(Utterance u, Tag tag)
    {
        if (!tag.Is(WordKind.Noun))
        {
            return false;
        }

        var before = u.Tags.TakeWhile(t => t != tag).LastOrDefault(t => !t.IsFiller);
        return before is not null && (before.Is(WordKind.Quantifier) || before.Words.Any(w => w.Kind == WordKind.Question && w.Value is "which" or "count"));
    }

    /// <summary>How many words of an entity's device class the sentence says ("rainfall intensity" → precipitation_intensity).</summary>
    private static int ClassWordsSaid(Utterance u, Model.HomeEntity entity) =>
        entity.DeviceClass?.Split('_').Count(part => u.Tokens.Contains(part)) ?? 0;

    private static IntentMatch Temperature(Utterance u)
    {
        foreach (var entity in u.EntityTags.SelectMany(t => t.Names).Select(n => u.Home.Entity(n.Id)).OfType<Model.HomeEntity>())
        {
            if (entity.Domain == "climate")
            {
                return new IntentMatch(IntentNames.ClimateGetTemperature, Place(u) with { EntityIds = [entity.EntityId], Name = entity.Name, Domain = "climate" });
            }

            if (entity.Domain is "sensor" or "weather")
            {
                return new IntentMatch(IntentNames.GetState, Place(u) with
                {
                    EntityIds = [entity.EntityId], Name = entity.Name, Domain = entity.Domain, DeviceClass = entity.DeviceClass,
                });
            }
        }

        var place = Place(u);
        if (place.AreaId is null && place.FloorId is null && u.SpeakerAreaId is not null)
        {
            place = place with { AreaId = u.SpeakerAreaId, FromSpeakerRoom = true };
        }

        return new IntentMatch(IntentNames.ClimateGetTemperature, place);
    }

    private static IntentTarget Place(Utterance u)
    {
        if (u.AreaId is null && u.FloorId is null && u.IsHere && !u.IsEverywhere)
        {
            return new IntentTarget { AreaId = u.SpeakerAreaId, FromSpeakerRoom = true };
        }

        return new IntentTarget { AreaId = u.AreaId, FloorId = u.FloorId };
    }
}
