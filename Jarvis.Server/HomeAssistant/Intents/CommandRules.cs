using System.Globalization;

namespace Jarvis.Server.HomeAssistant.Intents;

/// <summary>Commands: media transport, volume, vacuum, climate modes, colour/brightness/temperature/position, relative changes, on/off.</summary>
internal static class CommandRules
{
    private static readonly string[] TemperatureWords = ["warmer", "cooler", "hotter", "colder"];

    public static IntentMatch? Match(Utterance u)
    {
        if (u.Has(WordKind.SaveScene))
        {
            return SaveScene(u);
        }

        if (Media(u) is { } media)
        {
            return media;
        }

        if (u.Has(WordKind.Attribute, "volume") || u.Tags.Any(t => t.Text is "louder" or "quieter" or "softer"))
        {
            return Volume(u);
        }

        if (Vacuum(u) is { } vacuum)
        {
            return vacuum;
        }

        if (ClimateRules.Match(u) is { } climate)
        {
            return climate;
        }

        if (u.Words(WordKind.Color).FirstOrDefault() is { } color)
        {
            return new IntentMatch(IntentNames.LightSet, CommandTargets.Build(u, k => k.Domain == "light")) { Color = color.Value };
        }

        if ((u.Number ?? u.Extreme) is { } value)
        {
            return SetValue(u, value);
        }

        return Relative(u) ?? OnOffRules.Match(u);
    }

    private static IntentMatch SaveScene(Utterance u)
    {
        var tag = u.Tags.First(t => t.Is(WordKind.SaveScene));
        var words = u.Tokens.Skip(tag.Start + tag.Length).Where(w => w is not "please" and not "scene").ToArray();
        var name = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(string.Join(' ', words));
        var place = new IntentTarget { AreaId = u.AreaId ?? u.SpeakerAreaId, FromSpeakerRoom = u.AreaId is null };
        return new IntentMatch(IntentNames.SaveScene, place) { SceneName = name };
    }

    private static IntentMatch? Media(Utterance u)
    {
        string[] order = ["previous", "next", "pause", "unpause"];
        var words = u.Words(WordKind.Media).Select(w => w.Value).ToHashSet();
        var action = order.FirstOrDefault(words.Contains);
        if (action is null)
        {
            return null;
        }

        var intent = action switch
        {
            "previous" => IntentNames.MediaPrevious,
            "next" => IntentNames.MediaNext,
            "pause" => IntentNames.MediaPause,
            _ => IntentNames.MediaUnpause,
        };
        return new IntentMatch(intent, CommandTargets.Build(u, k => k.Domain == "media_player", pronouns: false));
    }

    private static IntentMatch Volume(Utterance u)
    {
        var target = CommandTargets.Build(u, k => k.Domain == "media_player", pronouns: false);
        if (u.Number is { } level)
        {
            return new IntentMatch(IntentNames.SetVolume, target) { VolumeLevel = level };
        }

        var down = u.Has(WordKind.Particle, "down") || u.Has(WordKind.Relative, "-");
        var amount = u.Words(WordKind.Amount).Select(w => (double?)w.Number).FirstOrDefault() is { } a ? a / 3 : 10;
        return new IntentMatch(IntentNames.SetVolumeRelative, target) { VolumeStep = down ? -amount : amount };
    }

    private static IntentMatch? Vacuum(Utterance u)
    {
        var vacuumNamed = u.EntityTags.SelectMany(t => t.Names).Any(n => n.Id.StartsWith("vacuum.", StringComparison.Ordinal))
            || u.NounKinds(includeNamed: false).Any(k => k[0].Domain == "vacuum");
        if (u.Has(WordKind.Vacuum, "base") || (vacuumNamed && u.Tags.Any(t => t.Text == "home")))
        {
            return new IntentMatch(IntentNames.VacuumReturnToBase, CommandTargets.Build(u, k => k.Domain == "vacuum"));
        }

        var startsWithClean = u.Has(WordKind.Vacuum, "start") && !u.Has(WordKind.Particle, "off");
        var startsVacuum = u.Has(WordKind.Verb, "on") && vacuumNamed;
        return startsWithClean || startsVacuum
            ? new IntentMatch(IntentNames.VacuumStart, CommandTargets.Build(u, k => k.Domain == "vacuum"))
            : null;
    }

    private static IntentMatch SetValue(Utterance u, double value)
    {
        var attribute = u.Words(WordKind.Attribute).Select(w => w.Value).FirstOrDefault(a => a != "color")
            ?? (u.Has(WordKind.Unit, "degrees") ? "temperature" : AttributeOfTarget(u));
        return attribute switch
        {
            "temperature" => new IntentMatch(IntentNames.ClimateSetTemperature, CommandTargets.Build(u, k => k.Domain == "climate")) { Temperature = value },
            "position" => new IntentMatch(IntentNames.SetPosition, CommandTargets.Build(u, k => k.Domain is "cover" or "valve")) { Position = value },
            "volume" => new IntentMatch(IntentNames.SetVolume, CommandTargets.Build(u, k => k.Domain == "media_player")) { VolumeLevel = value },
            _ => new IntentMatch(IntentNames.LightSet, CommandTargets.Build(u, k => k.Domain == "light")) { Brightness = value },
        };
    }

    /// <summary>"set X to 50": what 50 means follows from what X is.</summary>
    private static string AttributeOfTarget(Utterance u)
    {
        var domains = u.EntityTags.SelectMany(t => t.Names).Select(n => u.Home.Entity(n.Id)?.Domain)
            .Concat(u.NounKinds(includeNamed: false).Select(k => (string?)k[0].Domain));
        foreach (var domain in domains)
        {
            switch (domain)
            {
                case "light":
                    return "brightness";
                case "climate":
                    return "temperature";
                case "cover" or "valve":
                    return "position";
                case "media_player":
                    return "volume";
            }
        }

        return "brightness";
    }

    private static IntentMatch? Relative(Utterance u)
    {
        var relative = u.Tags.FirstOrDefault(t => t.Is(WordKind.Relative));
        var particle = u.Words(WordKind.Particle).Select(w => w.Value).FirstOrDefault(v => v is "up" or "down");
        var turned = u.Has(WordKind.Attribute) || u.Tags.Any(t => t.Text == "turn");
        if (relative is null && (particle is null || !turned || u.Has(WordKind.Verb, "on")))
        {
            return null;
        }

        var up = relative is not null ? relative.Word(WordKind.Relative)!.Value == "+" : particle == "up";
        var amount = u.Words(WordKind.Amount).Select(w => (double?)w.Number).FirstOrDefault() ?? 30;
        var climate = u.Has(WordKind.Attribute, "temperature") || (relative is not null && TemperatureWords.Contains(relative.Text))
            || u.NounKinds(includeNamed: true).Any(k => k[0].Domain == "climate");
        if (climate)
        {
            var degrees = amount >= 50 ? 3 : 1;
            return new IntentMatch(IntentNames.ClimateSetTemperature, CommandTargets.Build(u, k => k.Domain == "climate")) { TemperatureStep = up ? degrees : -degrees };
        }

        return new IntentMatch(IntentNames.LightSet, CommandTargets.Build(u, k => k.Domain == "light")) { BrightnessStep = up ? amount : -amount };
    }
}
