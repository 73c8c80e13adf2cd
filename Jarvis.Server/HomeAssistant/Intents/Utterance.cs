using Jarvis.Server.HomeAssistant.Model;

namespace Jarvis.Server.HomeAssistant.Intents;

/// <summary>A tagged utterance with the features the intent rules look at.</summary>
public sealed class Utterance
{
    public Utterance(IReadOnlyList<string> tokens, IReadOnlyList<Tag> tags, HomeSnapshot home, string? speakerAreaId)
    {
        Tokens = tokens;
        Tags = tags;
        Home = home;
        SpeakerAreaId = speakerAreaId;
        var first = tags.FirstOrDefault(t => !t.IsFiller);
        IsQuestion = first is not null && first.Is(WordKind.Question);
        QuestionWord = first?.Word(WordKind.Question)?.Value;
    }

    public IReadOnlyList<string> Tokens { get; }

    public IReadOnlyList<Tag> Tags { get; }

    public HomeSnapshot Home { get; }

    public string? SpeakerAreaId { get; }

    public bool IsQuestion { get; }

    public string? QuestionWord { get; }

    public IEnumerable<LexItem> Words(WordKind kind) => Tags.SelectMany(t => t.Words).Where(w => w.Kind == kind);

    public bool Has(WordKind kind) => Tags.Any(t => t.Is(kind));

    public bool Has(WordKind kind, string value) => Words(kind).Any(w => w.Value == value);

    public IEnumerable<Tag> EntityTags => Tags.Where(t => t.Names.Any(n => n.Kind == NameKind.Entity));

    public string? AreaId => Tags.SelectMany(t => t.Names).Where(n => n.Kind == NameKind.Area).Select(n => n.Id).FirstOrDefault();

    public string? FloorId => Tags.SelectMany(t => t.Names).Where(n => n.Kind == NameKind.Floor).Select(n => n.Id).FirstOrDefault();

    public double? Number => Tags.FirstOrDefault(t => t.Number is not null)?.Number;

    public double? Extreme => Words(WordKind.Extreme).Select(w => (double?)w.Number).FirstOrDefault();

    /// <summary>The whole home: "everywhere", "the house", or a room word after every/each/all.</summary>
    public bool IsEverywhere =>
        Has(WordKind.Everywhere) || Tags.Select((t, i) => (t, i)).Any(x => x.t.Is(WordKind.Room) && QuantifiedBefore(x.i));

    /// <summary>The speaker's room: "here", "this room", or a room word without a quantifier.</summary>
    public bool IsHere =>
        Has(WordKind.Here) || Tags.Select((t, i) => (t, i)).Any(x => x.t.Is(WordKind.Room) && !QuantifiedBefore(x.i));

    public IEnumerable<IReadOnlyList<DeviceKind>> NounKinds(bool includeNamed) =>
        Tags.Where(t => includeNamed || t.Names.Count == 0).SelectMany(t => t.Words).Where(w => w.Kind == WordKind.Noun).Select(w => w.DeviceKinds);

    private bool QuantifiedBefore(int index)
    {
        for (var i = index - 1; i >= Math.Max(0, index - 3); i--)
        {
            if (Tags[i].Is(WordKind.Quantifier) && Tags[i].Words.Any(w => w.Value == "all"))
            {
                return true;
            }
        }

        return false;
    }
}
