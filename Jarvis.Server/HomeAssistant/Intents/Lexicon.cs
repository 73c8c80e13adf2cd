namespace Jarvis.Server.HomeAssistant.Intents;

/// <summary>
/// The fixed vocabulary of the command grammar: verbs, particles, device nouns, question words, state words,
/// quantities, colours. Names of the live home (entities, areas, floors) come from <see cref="HomeVocabulary"/>.
/// </summary>
public static class Lexicon
{
    public static PhraseTrie<LexItem> Trie { get; } = Build();

    private static PhraseTrie<LexItem> Build()
    {
        var trie = new PhraseTrie<LexItem>();
        void Add(WordKind kind, string value, params string[] phrases)
        {
            foreach (var phrase in phrases)
            {
                trie.Add(TextTokenizer.Tokenize(phrase), new LexItem(kind, value));
            }
        }

        void Noun(string kinds, params string[] phrases)
        {
            var parsed = kinds.Split(' ').Select(DeviceKind.Parse).ToArray();
            foreach (var phrase in phrases)
            {
                trie.Add(TextTokenizer.Tokenize(phrase), new LexItem(WordKind.Noun, phrases[0], Kinds: parsed));
            }
        }

        void Number(WordKind kind, double value, params string[] phrases)
        {
            foreach (var phrase in phrases)
            {
                trie.Add(TextTokenizer.Tokenize(phrase), new LexItem(kind, phrase, value));
            }
        }

        Noun("light binary_sensor/light", "light", "lights", "lamp", "lamps", "lighting", "bulb", "bulbs", "light bulb", "light bulbs");
        Noun("switch", "switch", "switches");
        Noun("switch binary_sensor/plug", "plug", "plugs", "outlet", "outlets", "socket", "sockets");
        Noun("fan", "fan", "fans", "ceiling fans");
        Noun("cover/curtain", "curtain", "curtains", "drapes");
        Noun("cover/blind", "blind", "blinds");
        Noun("cover/shade", "shade", "shades");
        Noun("cover/shutter", "shutter", "shutters", "roller shutters");
        Noun("cover/awning", "awning", "awnings");
        Noun("cover/window binary_sensor/window", "window", "windows");
        Noun("cover/garage binary_sensor/garage_door", "garage door", "garage doors", "garage doors");
        Noun("cover/gate", "gate", "gates");
        Noun("lock cover/door binary_sensor/door binary_sensor/opening binary_sensor/lock", "door", "doors");
        Noun("cover", "cover", "covers");
        Noun("lock binary_sensor/lock", "lock", "locks", "deadbolt", "deadbolts");
        Noun("valve", "valve", "valves");
        Noun("climate", "thermostat", "thermostats", "heating", "heater", "air conditioning", "ac", "hvac");
        Noun("media_player", "media player", "media players", "tv", "television", "speaker", "speakers", "music", "player", "show", "song");
        Noun("vacuum", "vacuum", "vacuums", "robot vacuum", "vacuum cleaner");
        Noun("scene", "scene", "scenes");
        Noun("script", "script", "scripts");
        Noun("binary_sensor/battery binary_sensor/battery_charging sensor/battery", "battery", "batteries");
        Noun("binary_sensor/carbon_monoxide sensor/carbon_monoxide", "carbon monoxide", "co");
        Noun("binary_sensor/gas sensor/gas", "gas");
        Noun("binary_sensor/moisture sensor/moisture", "water sensor", "water sensors", "leak", "leaks", "leak sensor", "leak sensors", "water leak", "moisture");
        Noun("binary_sensor/motion", "motion");
        Noun("binary_sensor/occupancy", "occupancy", "presence");
        Noun("binary_sensor/smoke", "smoke");
        Noun("binary_sensor/sound", "sound", "noise");
        Noun("binary_sensor/opening", "opening", "openings");
        Noun("binary_sensor/update", "update", "updates");
        Noun("binary_sensor/power sensor/power", "power");
        Noun("person", "person", "people", "anyone", "anybody", "everyone", "everybody", "someone", "somebody", "who");

        Add(WordKind.Verb, "", "turn", "switch", "set", "change", "make", "put", "adjust", "bring");
        Add(WordKind.Verb, "on", "activate", "enable", "illuminate", "light up", "bring on", "start", "run", "execute", "trigger", "transition to", "launch", "power on");
        Add(WordKind.Verb, "off", "deactivate", "disable", "kill", "stop", "power off", "shut off", "shut down", "cut");
        Add(WordKind.Verb, "open", "open", "raise", "lift");
        Add(WordKind.Verb, "close", "close", "shut", "lower");
        Add(WordKind.Verb, "lock", "lock", "secure");
        Add(WordKind.Verb, "unlock", "unlock", "unsecure");
        Add(WordKind.Particle, "on", "on");
        Add(WordKind.Particle, "off", "off", "out");
        Add(WordKind.Particle, "up", "up");
        Add(WordKind.Particle, "down", "down");

        Add(WordKind.Question, "is", "is", "are", "was", "were", "do", "does", "did", "has", "have", "any", "anything", "tell me", "check", "show me", "is there", "are there");
        Add(WordKind.Question, "which", "which", "what", "whats", "what is", "what are", "how much", "when", "where", "who", "status", "state");
        Add(WordKind.Question, "count", "how many");
        Add(WordKind.Question, "temperature", "how hot", "how warm", "how cold");

        Add(WordKind.Quantifier, "all", "all", "every", "each", "each and every", "all of the", "every single", "entire", "whole");
        Add(WordKind.Quantifier, "any", "any", "some", "anything", "something");
        Add(WordKind.Everywhere, "", "everywhere", "house", "home", "apartment", "flat", "all over", "throughout", "across", "whole house", "everything");
        Add(WordKind.Here, "", "here", "in here", "this room", "this space", "my room", "the room", "this area", "current room");
        Add(WordKind.Room, "", "room", "rooms", "area", "areas", "space", "spaces");

        Add(WordKind.Attribute, "brightness", "brightness", "bright", "brightness level", "dimming");
        Add(WordKind.Attribute, "color", "color", "colour");
        Add(WordKind.Attribute, "temperature", "temperature", "temp", "thermostat temperature", "heat");
        Add(WordKind.Attribute, "volume", "volume", "loudness", "sound level");
        Add(WordKind.Attribute, "position", "position", "opening position");
        Number(WordKind.Extreme, 100, "max", "maximum", "highest", "full", "brightest", "top", "fully");
        Number(WordKind.Extreme, 50, "halfway", "half way", "half", "half open");
        Number(WordKind.Extreme, 1, "min", "minimum", "lowest", "dimmest", "least");
        Add(WordKind.Unit, "percent", "percent", "per cent", "pct");
        Add(WordKind.Unit, "degrees", "degrees", "degree", "celsius", "fahrenheit");

        Add(WordKind.Relative, "-", "dim", "dimmer", "darker", "decrease", "reduce", "lower it", "less", "cooler", "colder", "quieter", "softer");
        Add(WordKind.Relative, "+", "brighten", "brighter", "increase", "more", "warmer", "hotter", "louder", "boost");
        Add(WordKind.Reasoning, "", "why", "how does", "how do", "how can", "how would", "how come", "explain", "what if", "tell me about");
        Add(WordKind.HvacMode, "heat", "heat", "heating", "heat mode", "heating mode");
        Add(WordKind.HvacMode, "cool", "cool", "cooling", "cool mode", "cooling mode");
        Add(WordKind.HvacMode, "auto", "auto", "automatic", "auto mode", "automatic mode");
        Add(WordKind.HvacMode, "heat_cool", "heat cool", "heat and cool", "heat cool mode");
        Add(WordKind.HvacMode, "dry", "dry", "dry mode", "dehumidify", "dehumidify mode");
        Add(WordKind.HvacMode, "fan_only", "fan only", "fan only mode");
        Add(WordKind.Attribute, "fan_mode", "fan mode", "fan speed");
        Add(WordKind.FanSpeed, "low", "low", "low speed");
        Add(WordKind.FanSpeed, "medium", "medium", "mid", "medium speed");
        Add(WordKind.FanSpeed, "high", "high", "high speed");
        Add(WordKind.FanSpeed, "auto", "auto", "automatic");
        Number(WordKind.Amount, 30, "a bit", "a little", "a little bit", "slightly", "somewhat", "a touch", "bit", "little");
        Number(WordKind.Amount, 50, "a lot", "much", "way", "a lot more");

        Add(WordKind.Predicate, "on", "turned on", "switched on", "on");
        Add(WordKind.Predicate, "off", "turned off", "switched off", "off", "out");
        Add(WordKind.Predicate, "open", "open", "opened", "ajar", "left open");
        Add(WordKind.Predicate, "closed", "closed", "shut", "close");
        Add(WordKind.Predicate, "locked", "locked", "securely locked", "secured", "locked up");
        Add(WordKind.Predicate, "unlocked", "unlocked", "unsecured", "not locked");
        Add(WordKind.Predicate, "low", "low", "low battery", "empty", "dying", "running low");
        Add(WordKind.Predicate, "charged", "charged", "full", "normal", "fully charged", "not low");
        Add(WordKind.Predicate, "charging", "charging");
        Add(WordKind.Predicate, "detected", "detected", "triggered", "detecting", "sensing", "active", "alarm");
        Add(WordKind.Predicate, "cold", "cold", "freezing", "too cold");
        Add(WordKind.Predicate, "hot", "hot", "too hot", "overheating");
        Add(WordKind.Predicate, "connected", "connected", "online");
        Add(WordKind.Predicate, "disconnected", "disconnected", "offline", "not connected");
        Add(WordKind.Predicate, "wet", "wet", "flooded", "leaking", "flooding");
        Add(WordKind.Predicate, "dry", "dry");
        Add(WordKind.Predicate, "occupied", "occupied", "in use");
        Add(WordKind.Predicate, "plugged", "plugged in", "plugged", "connected to power");
        Add(WordKind.Predicate, "unplugged", "unplugged", "not plugged in");
        Add(WordKind.Predicate, "powered", "powered", "powered on", "has power");
        Add(WordKind.Predicate, "home", "home", "at home");
        Add(WordKind.Predicate, "away", "away", "gone", "not home", "not at home", "out of the house");
        Add(WordKind.Predicate, "running", "running", "working", "on the go");
        Add(WordKind.Predicate, "vibrating", "vibrating", "shaking");
        Add(WordKind.Predicate, "updated", "up to date", "up-to-date", "updated");
        Add(WordKind.Predicate, "available", "available", "pending", "update available");
        Add(WordKind.Predicate, "problem", "problem", "a problem", "problems", "an issue", "issues", "any problems");
        Add(WordKind.Predicate, "safe", "safe");
        Add(WordKind.Predicate, "unsafe", "unsafe", "dangerous");
        Add(WordKind.Predicate, "tampered", "tampered", "tampered with");
        Add(WordKind.Predicate, "playing", "playing");
        Add(WordKind.Predicate, "paused", "paused");

        Add(WordKind.Media, "pause", "pause", "hold", "pause playback");
        Add(WordKind.Media, "unpause", "unpause", "resume", "continue", "play", "keep playing");
        Add(WordKind.Media, "next", "next", "skip", "next track", "next song", "next item", "skip ahead", "forward");
        Add(WordKind.Media, "previous", "previous", "go back", "replay", "rewind", "back up", "previous track", "last track", "last song");
        Add(WordKind.Vacuum, "start", "clean", "vacuum", "hoover", "mop", "vacuuming", "cleaning", "hoovering", "mopping");
        Add(WordKind.Vacuum, "base", "return to base", "to base", "base", "dock", "to its dock", "go home", "return home", "back to base", "charging station");

        Add(WordKind.Pronoun, "", "it", "them", "that", "those", "these", "they", "this", "him", "her", "same");
        Add(WordKind.Too, "", "too", "also", "as well", "as well please");
        Add(WordKind.SaveScene, "", "save this as", "save it as", "save that as", "remember this as", "store this as", "call this", "save this scene as", "save the scene as", "save as");
        Add(WordKind.Affirm, "", "yes", "yeah", "yep", "sure", "ok", "okay", "please do", "do it", "go ahead", "yes please", "alright");
        Add(WordKind.Negate, "", "no", "nope", "don't", "dont", "never mind", "nevermind", "no thanks", "cancel");
        Add(WordKind.Thanks, "", "perfect", "thanks", "thank you", "great", "good", "nice", "cool", "awesome", "that's it", "thats good");
        Add(WordKind.Observation, "dark", "dark", "getting dark", "too dark", "gloomy", "night");
        Add(WordKind.Observation, "bright", "too bright", "bright in here");
        Add(WordKind.Observation, "cold", "chilly", "freezing in here");
        Add(WordKind.Observation, "hot", "stuffy", "boiling");

        foreach (var color in Colors.Names)
        {
            trie.Add(TextTokenizer.Tokenize(color), new LexItem(WordKind.Color, color));
        }

        return trie;
    }
}
