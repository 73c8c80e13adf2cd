using System.Runtime.CompilerServices;
using Jarvis.Server.HomeAssistant.Model;

namespace Jarvis.Server.HomeAssistant.Intents;

/// <summary>
/// A token trie of every name people use for the home: entity display names and aliases, area and floor names and
/// aliases. Exact names only: "bedroom curtains" is the bedroom's curtains, not an entity "Bedroom Curtain".
/// Built once per <see cref="HomeSnapshot"/> and cached, so matching a sentence never loops over entities.
/// </summary>
public sealed class HomeVocabulary
{
    private static readonly ConditionalWeakTable<HomeSnapshot, HomeVocabulary> Cache = [];

    private HomeVocabulary(HomeSnapshot home)
    {
        foreach (var floor in home.Floors)
        {
            AddNames(new NameRef(NameKind.Floor, floor.Id), [floor.Name, .. floor.Aliases]);
        }

        foreach (var area in home.Areas)
        {
            AddNames(new NameRef(NameKind.Area, area.Id), [area.Name, .. area.Aliases]);
        }

        foreach (var entity in home.Entities)
        {
            AddNames(new NameRef(NameKind.Entity, entity.EntityId), [entity.Name, .. entity.Aliases]);
        }

        PresentKinds = home.Entities.Select(e => new DeviceKind(e.Domain, e.DeviceClass)).ToHashSet();
    }

    /// <summary>Every (domain, device class) the home has at least one entity of.</summary>
    public IReadOnlySet<DeviceKind> PresentKinds { get; }

    public PhraseTrie<NameRef> Trie { get; } = new();

    public static HomeVocabulary For(HomeSnapshot home) => Cache.GetValue(home, h => new HomeVocabulary(h));

    private void AddNames(NameRef target, IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            var tokens = TextTokenizer.Tokenize(name);
            if (tokens.Count == 0)
            {
                continue;
            }

            Trie.Add(tokens, target);
            if (tokens[0] == "the" && tokens.Count > 1)
            {
                Trie.Add(tokens[1..], target);
            }

        }
    }
}
