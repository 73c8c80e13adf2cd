namespace Jarvis.Server.HomeAssistant.Intents;

/// <summary>
/// Whether a recognised match is really about the home. Every transcript reaches the engine, so the loose readings a
/// bare grammar allows are refused here: a reasoning question ("how does a thermostat work?"), a command without
/// anything to act on ("stop", "shut up", "tell me more"), a number that is not a level ("set a timer for 5 minutes",
/// "what's two plus two"), a state question about nothing in particular ("do I have anything on my list?"), a media
/// command where there is no media player ("can you play the song …" in the kitchen), a long sentence. An unknown name
/// still counts as something to act on after a device verb ("turn on the jacuzzi"), so that the user hears that the
/// device is unknown.
/// </summary>
internal static class CommandShape
{
    /// <summary>Changes that name their device by themselves (lights, heating); "more", "louder" or "less" do not.</summary>
    private static readonly HashSet<string> DeviceRelatives =
        ["dim", "dimmer", "darker", "brighten", "brighter", "cooler", "colder", "warmer", "hotter"];

    private static readonly HashSet<string> LevelPrepositions = ["to", "at", "by"];

    private static readonly HashSet<string> TimeWords =
        ["second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "am", "pm", "oclock", "clock", "times", "plus", "minus"];

    /// <summary>Home Assistant's own test sentences have at most 13 words; a longer sentence (one step of it) is not a command.</summary>
    public const int MaxWords = 14;

    /// <summary>State words too general to say what is asked about ("is it on?", "what's on my list?").</summary>
    private static readonly HashSet<string> VaguePredicates = ["on", "off", "open", "closed", "home", "away", "available", "low", "problem"];

    /// <summary>True for commands (something to do), false for questions and scene saving.</summary>
    public static bool IsCommand(IntentMatch match) =>
        match.Intent is not (IntentNames.GetState or IntentNames.ClimateGetTemperature or IntentNames.SaveScene);

    public static bool IsAboutTheHome(Utterance u, IntentMatch match)
    {
        if (u.Has(WordKind.Reasoning) || u.Tokens.Count > MaxWords)
        {
            return false;
        }

        return match.Intent switch
        {
            IntentNames.SaveScene or IntentNames.ClimateGetTemperature => true,
            IntentNames.GetState => HasSubject(u),
            IntentNames.MediaPause or IntentNames.MediaUnpause or IntentNames.MediaNext or IntentNames.MediaPrevious
                or IntentNames.SetVolume or IntentNames.SetVolumeRelative when !match.Target.IsNamed =>
                NumberIsALevel(u) && MediaPlayerIn(u, match.Target),
            _ when match.Target.Domain == "media_player" && !match.Target.IsNamed => MediaPlayerIn(u, match.Target) && NumberIsALevel(u),
            _ => (HasKnownObject(u) || HasUnknownName(u)) && NumberIsALevel(u),
        };
    }

    /// <summary>
    /// A state question asks about something: a name, a device word, a place, or a state only devices have ("are any
    /// devices plugged in?", "is anything vibrating?"). "Do I have anything on my list?" does not.
    /// </summary>
    private static bool HasSubject(Utterance u) =>
        u.EntityTags.Any() || u.NounKinds(includeNamed: true).Any() || u.AreaId is not null || u.FloorId is not null || u.IsEverywhere || u.IsHere
        || u.Words(WordKind.Predicate).Any(w => !VaguePredicates.Contains(w.Value));

    private static bool HasKnownObject(Utterance u) =>
        u.EntityTags.Any() || u.NounKinds(includeNamed: true).Any() || u.AreaId is not null || u.FloorId is not null || u.IsEverywhere || u.IsHere
        || ObjectPronoun(u) || u.Has(WordKind.Attribute) || u.Has(WordKind.Unit)
        || u.Tags.Any(t => t.Is(WordKind.Relative) && DeviceRelatives.Contains(t.Text));

    /// <summary>"turn it off", "dim them", "make it 70 %": a pronoun right after a verb or a change refers to devices; elsewhere it is just a word.</summary>
    private static bool ObjectPronoun(Utterance u)
    {
        for (var i = 1; i < u.Tags.Count; i++)
        {
            if (u.Tags[i].Is(WordKind.Pronoun)
                && u.Tags.Skip(Math.Max(0, i - 2)).Take(Math.Min(i, 2)).Any(t => t.Is(WordKind.Verb) || t.Is(WordKind.Relative) || t.Is(WordKind.Media) || t.Is(WordKind.Particle)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "skip", "pause", "play the song …": media commands without a name need a media player where they are meant (the place
    /// said, else the speaker's room); "song", "music" and "show" are as often about content as about a device.
    /// </summary>
    private static bool MediaPlayerIn(Utterance u, IntentTarget target)
    {
        var area = target.AreaId ?? (target.FloorId is null && !u.IsEverywhere ? u.SpeakerAreaId : null);
        return u.Home.Entities.Any(e => e.Domain == "media_player" && (area is null || e.AreaId == area)
            && (target.FloorId is null || u.Home.IsInFloor(e, target.FloorId)));
    }

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
                || u.EntityTags.Any() || u.NounKinds(includeNamed: true).Any() || ObjectPronoun(u);
            if (!cue)
            {
                return false;
            }
        }

        return true;
    }
}
