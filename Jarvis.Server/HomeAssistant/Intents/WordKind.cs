namespace Jarvis.Server.HomeAssistant.Intents;

/// <summary>What a word or fixed phrase of the command grammar means.</summary>
public enum WordKind
{
    /// <summary>A device noun ("lights", "curtains", "batteries"): candidate (domain, device class) kinds.</summary>
    Noun,

    /// <summary>A verb; <see cref="LexItem.Value"/> is "on", "off" or "" (neutral: turn, switch, set).</summary>
    Verb,

    /// <summary>"on", "off", "out", "up", "down" after the verb or at the end.</summary>
    Particle,

    /// <summary>Starts a question ("is", "which", "how many", "what", "tell me").</summary>
    Question,

    /// <summary>"all", "every", "any".</summary>
    Quantifier,

    /// <summary>The whole home ("everywhere", "the house", "every room").</summary>
    Everywhere,

    /// <summary>The speaker's room ("here", "this room").</summary>
    Here,

    /// <summary>"room"/"area": means everywhere after every/each/all, the speaker's room otherwise.</summary>
    Room,

    /// <summary>An attribute being set or asked: brightness, color, temperature, volume, position.</summary>
    Attribute,

    /// <summary>A named extreme ("max" = 100, "min" = 1); <see cref="LexItem.Number"/> holds the value.</summary>
    Extreme,

    /// <summary>A relative change; <see cref="LexItem.Value"/> is "+" or "-", <see cref="LexItem.Kinds"/> unused.</summary>
    Relative,

    /// <summary>"a bit", "a little", "a lot": the size of a relative change in <see cref="LexItem.Number"/>.</summary>
    Amount,

    /// <summary>A state word in a question ("open", "low", "detected"); <see cref="LexItem.Value"/> keys <see cref="Predicates"/>.</summary>
    Predicate,

    /// <summary>Media transport: pause, unpause, next, previous.</summary>
    Media,

    /// <summary>Vacuum: start (clean) or base (return to base).</summary>
    Vacuum,

    /// <summary>A colour name.</summary>
    Color,

    /// <summary>"percent" / "degrees" unit words.</summary>
    Unit,

    /// <summary>"it", "them", "that": the previous targets.</summary>
    Pronoun,

    /// <summary>"too", "also", "as well".</summary>
    Too,

    /// <summary>"save this as" / "remember this as": a scene from conversation.</summary>
    SaveScene,

    /// <summary>Yes / no / thanks in a dialogue.</summary>
    Affirm,

    Negate,

    Thanks,

    /// <summary>"dark", "bright", "cold", "hot" said as an observation ("it's getting dark").</summary>
    Observation,

    /// <summary>"why", "how does", "explain": a question about how the world works, never a home command.</summary>
    Reasoning,

    /// <summary>A climate mode ("heat", "cool", "auto", "dry", "fan only"); <see cref="LexItem.Value"/> is HA's <c>hvac_mode</c>.</summary>
    HvacMode,

    /// <summary>A fan speed of a climate device ("low", "medium", "high", "auto"); <see cref="LexItem.Value"/> is the <c>fan_mode</c>.</summary>
    FanSpeed,
}
