namespace Jarvis.Server.Routing.Features;

/// <summary>
/// Looks like a home command: a device word together with a control verb or a state question ("turn on the lights",
/// "lock all the doors", "is the garage door open"). A cheap lexical cue, never the decision: the Home Assistant engine
/// sees every transcript first. The router keeps such sentences on the fast path, and the engine asks Home Assistant's
/// own agent (a network call; it may be an LLM that answers anything) only about sentences that look like this.
/// </summary>
internal static class HomeCommandDetector
{
    private const int MaxWords = 18;

    private static readonly CueLexicon Lexicon = new(
    [
        new("device", 1, CueScope.Anywhere,
            "light|lights|lamp|lamps|lighting|fan|fans|heater|heating|thermostat|ac|air conditioning|air conditioner|"
            + "door|doors|garage|gate|blinds|shades|curtains|shutters|tv|television|plug|socket|outlet|vacuum|sprinkler|"
            + "sprinklers|locks|alarm system|security system|camera|cameras|kettle|coffee maker|dishwasher|"
            + "washing machine|dryer|oven|humidifier|dehumidifier|purifier|radiator|boiler|scene|window|windows|"
            + "porch|hallway light|bedroom light|kitchen light|living room|thermostats|hvac|furnace|fireplace|jacuzzi|"
            + "hot tub|pool pump|water heater|switch"),
        new("control", 1, CueScope.Anywhere,
            "turn on|turn off|turn up|turn down|turn it|turn them|switch on|switch off|dim|brighten|set the|set it|lock|"
            + "unlock|open|close|shut|raise|lower|increase|decrease|activate|deactivate|arm|disarm|make it|put on|"
            + "is the|are the|did i leave|status of|left on|left open|warmer|cooler|colder|hotter|brighter|darker|"
            + "degrees|percent|start the|stop the|run the"),
        new("not-home", 1, CueScope.Anywhere,
            "write|code|program|function|python|explain|design|implement|essay|story|algorithm|api|docker|server|"
            + "imagine|pretend|why|how does|how do|how can|how to|what if|create"),
    ]);

    public static bool LooksLikeHomeCommand(string utterance) =>
        IsHomeCommand(QueryNormalizer.Tokenize(QueryNormalizer.Normalize(utterance)));

    public static bool IsHomeCommand(string[] tokens)
    {
        if (tokens.Length == 0 || tokens.Length > MaxWords)
        {
            return false;
        }

        var fired = new List<FiredFeature>(3);
        Lexicon.Score(tokens, 0, fired);
        var device = false;
        var control = false;
        foreach (var f in fired)
        {
            switch (f.Name)
            {
                case "device":
                    device = true;
                    break;
                case "control":
                    control = true;
                    break;
                case "not-home":
                    return false;
            }
        }

        return device && control;
    }
}
