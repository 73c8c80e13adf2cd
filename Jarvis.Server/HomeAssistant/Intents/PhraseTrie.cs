namespace Jarvis.Server.HomeAssistant.Intents;

/// <summary>A trie over word tokens: finds the longest phrase starting at a position in O(phrase length).</summary>
public sealed class PhraseTrie<T>
{
    private readonly Node _root = new();

    public void Add(IReadOnlyList<string> phrase, T value)
    {
        if (phrase.Count == 0)
        {
            return;
        }

        var node = _root;
        foreach (var token in phrase)
        {
            node.Children ??= new Dictionary<string, Node>(StringComparer.Ordinal);
            if (!node.Children.TryGetValue(token, out var next))
            {
                next = new Node();
                node.Children[token] = next;
            }

            node = next;
        }

        node.Values ??= [];
        if (!node.Values.Contains(value))
        {
            node.Values.Add(value);
        }
    }

    /// <summary>Length of the longest phrase starting at <paramref name="start"/> (0 if none) and its values.</summary>
    public int LongestMatch(IReadOnlyList<string> tokens, int start, out IReadOnlyList<T> values)
    {
        values = [];
        var node = _root;
        var best = 0;
        for (var i = start; i < tokens.Count; i++)
        {
            if (node.Children is null || !node.Children.TryGetValue(tokens[i], out var next))
            {
                break;
            }

            node = next;
            if (node.Values is not null)
            {
                best = i - start + 1;
                values = node.Values;
            }
        }

        return best;
    }

    private sealed class Node
    {
        public Dictionary<string, Node>? Children { get; set; }

        public List<T>? Values { get; set; }
    }
}
