namespace Jarvis.Server.HomeAssistant.Intents;

/// <summary>
/// On/off commands: polarity from the verb ("open", "unlock", "activate") or the particle ("turn the lights off"),
/// the devices the verb allows (open/close → covers and valves, lock/unlock → locks), scenes and scripts by name alone.
/// </summary>
internal static class OnOffRules
{
    /// <summary>
    /// The on/off particle: the one right after "turn"/"switch" if any, else the last one that is not a
    /// preposition ("on the first floor").
    /// </summary>
    private static string? Particle(Utterance u)
    {
        string? last = null;
        for (var i = 0; i < u.Tags.Count; i++)
        {
            var value = u.Tags[i].Words.FirstOrDefault(w => w.Kind == WordKind.Particle && w.Value is "on" or "off")?.Value;
            if (value is null)
            {
                continue;
            }

            if (i > 0 && u.Tags[i - 1].Words.Any(w => w.Kind == WordKind.Verb && w.Value.Length == 0))
            {
                return value;
            }

            var next = i + 1 < u.Tags.Count ? u.Tags[i + 1] : null;
            var preposition = value == "on" && next is not null && (next.Text is "the" or "my" or "our" || next.Names.Count > 0);
            if (!preposition)
            {
                last = value;
            }
        }

        return last;
    }

    public static IntentMatch? Match(Utterance u)
    {
        var verb = u.Words(WordKind.Verb).Select(w => w.Value).FirstOrDefault(v => v.Length > 0);
        var particle = Particle(u);
        bool? on = verb switch
        {
            "on" or "open" or "lock" => true,
            "off" or "close" or "unlock" => false,
            _ => particle switch
            {
                "on" => true,
                "off" => false,
                _ => u.Has(WordKind.Particle, "up") && u.NounKinds(includeNamed: true).Any(k => k[0].Domain == "light") ? true : null,
            },
        };
        Func<DeviceKind, bool> allowed = verb switch
        {
            "open" or "close" => k => k.Domain is "cover" or "valve",
            "lock" or "unlock" => k => k.Domain == "lock",
            _ => CommandTargets.IsControllable,
        };
        var implied = verb is "lock" or "unlock" ? "lock"
            : u.Tags.Any(t => t.Text is "illuminate" or "light up") ? "light"
            : null;
        if (on is null)
        {
            var scene = u.EntityTags.SelectMany(t => t.Names).Any(n => n.Id.StartsWith("scene.", StringComparison.Ordinal) || n.Id.StartsWith("script.", StringComparison.Ordinal));
            if (!scene)
            {
                return null;
            }

            on = true;
        }

        var target = CommandTargets.Build(u, allowed, implied);
        return new IntentMatch(on.Value ? IntentNames.TurnOn : IntentNames.TurnOff, target);
    }
}
