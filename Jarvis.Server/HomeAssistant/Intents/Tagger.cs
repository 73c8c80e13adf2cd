namespace Jarvis.Server.HomeAssistant.Intents;

/// <summary>
/// Splits a tokenized utterance into <see cref="Tag"/>s by leftmost-longest match over the home's names,
/// the grammar's fixed phrases and numbers. Equal-length matches keep both readings.
/// </summary>
public static class Tagger
{
    public static List<Tag> Tag(IReadOnlyList<string> tokens, HomeVocabulary home)
    {
        var tags = new List<Tag>(tokens.Count);
        var i = 0;
        while (i < tokens.Count)
        {
            var nameLength = home.Trie.LongestMatch(tokens, i, out var names);
            if (nameLength > 1 && tokens[i] == "my" && home.Trie.LongestMatch(tokens, i + 1, out var withoutMy) == nameLength - 1)
            {
                // "my phone" is the entity "My Phone" or the phone called "Phone": keep both, the rules pick.
                names = [.. names, .. withoutMy];
            }

            var wordLength = Lexicon.Trie.LongestMatch(tokens, i, out var words);
            var numberLength = NumberWords.TryRead(tokens, i, out var number);
            var length = Math.Max(nameLength, Math.Max(wordLength, numberLength));
            if (length == 0)
            {
                tags.Add(new Tag(i, 1, tokens[i], [], [], null));
                i++;
                continue;
            }

            var text = string.Join(' ', tokens.Skip(i).Take(length));
            if (numberLength == length && nameLength < length)
            {
                tags.Add(new Tag(i, length, text, [], [], number));
            }
            else
            {
                tags.Add(new Tag(i, length, text, nameLength == length ? names : [], wordLength == length ? words : [], null));
            }

            i += length;
        }

        return tags;
    }
}
