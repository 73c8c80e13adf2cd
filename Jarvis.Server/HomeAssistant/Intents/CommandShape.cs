namespace Jarvis.Server.HomeAssistant.Intents;

/// <summary>
/// Whether a recognised match is really about the home. Every transcript reaches the engine, so the loose readings a
/// bare grammar allows are refused here: a reasoning question ("how does a thermostat work?"), a command without
/// anything to act on ("stop", "shut up", "tell me more"), a number that is not a level ("set a timer for 5 minutes",
/// "what's two plus two"). An unknown name still counts as something to act on after a device verb ("turn on the
/// jacuzzi"), so that the user hears that the device is unknown.
/// </summary>
internal static class CommandShape
{
    private static readonly HashSet<string> DeviceRelatives =
        ["dim", "dimmer", "darker", "brighten", "brighter", "cooler", "colder", "warmer", "hotter", "louder", "quieter", "softer"];

    private static readonly HashSet<string> LevelPrepositions = ["to", "at", "by"];

    private static readonly HashSet<string> TimeWords =
        ["second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "am", "pm", "oclock", "clock", "times", "plus", "minus"];

    /// <summary>True for commands (something to do), false for questions and scene saving.</summary>
    public static bool IsCommand(IntentMatch match) =>
        match.Intent is not (IntentNames.GetState or IntentNames.ClimateGetTemperature or IntentNames.SaveScene);

    public static bool IsAboutTheHome(Utterance u, IntentMatch match)
    {
        if (u.Has(WordKind.Reasoning))
        {
            return false;
        }

        if (!IsCommand(match))
        {
            return true;
        }

        return (HasKnownObject(u) || HasUnknownName(u)) && NumberIsALevel(u);
    }

    private static bool HasKnownObject(Utterance u) =>
        u.EntityTags.Any() || u.NounKinds(includeNamed: true).Any() || u.AreaId is not null || u.FloorId is not null
        || u.IsEverywhere || u.IsHere || u.Has(WordKind.Pronoun) || u.Has(WordKind.Attribute) || u.Has(WordKind.Unit)
        || u.Tags.Any(t => t.Is(WordKind.Relative) && DeviceRelatives.Contains(t.Text));

    /// <summary>"turn on the jacuzzi", "lock the shed": a device verb, and a word that would have to be a name.</summary>
    private static bool HasUnknownName(Utterance u)
    {
        var deviceVerb = u.Words(WordKind.Verb).Any(w => w.Value is "" or "open" or "close" or "lock" or "unlock");
        return deviceVerb && u.Tags.Any(t => t.IsFiller && !FillerWords.Contains(t.Text));
    }

    /// <summary>A number in a command is a level ("to 50", "50 percent", "21 degrees"), never a time or a sum.</summary>
    private static bool NumberIsALevel(Utterance u)
    {
        for (var i = 0; i < u.Tags.Count; i++)
        {
            if (u.Tags[i].Number is null)
            {
                continue;
            }

            if (i + 1 < u.Tags.Count && TimeWords.Contains(u.Tags[i + 1].Text))
            {
                return false;
            }

            var cue = u.Has(WordKind.Unit) || u.Has(WordKind.Attribute) || (i > 0 && LevelPrepositions.Contains(u.Tags[i - 1].Text))
                || u.EntityTags.Any() || u.NounKinds(includeNamed: true).Any() || u.Has(WordKind.Pronoun);
            if (!cue)
            {
                return false;
            }
        }

        return true;
    }
}
