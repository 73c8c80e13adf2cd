using System.Text;

namespace Jarvis.Server.Speech;

/// <summary>
/// Incremental sentence splitter over an LLM token stream. A sentence ends at '!' or '?' followed by whitespace, at '.' or '…'
/// followed by whitespace and a word that does not start in lower case, or at a line break. Not an end: decimals ("3.14"),
/// abbreviations and initials ("Dr.", "e.g.", "J."), list numbers ("1. First"). Overlong runs are cut at a comma.
/// Decisions need one character of look-ahead, so a sentence is released as soon as the next word starts.
/// </summary>
public sealed class SentenceSplitter
{
    /// <summary>A sentence longer than this is cut at the last comma/semicolon/colon so speech can start.</summary>
    public const int SoftMaxLength = 240;

    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs", "etc", "eg", "e.g", "ie", "i.e", "approx", "no", "nos",
        "inc", "ltd", "co", "corp", "mt", "ft", "fig", "figs", "vol", "ed", "al", "cf", "jan", "feb", "mar", "apr", "jun",
        "jul", "aug", "sep", "sept", "oct", "nov", "dec", "est", "dept", "univ", "gen", "col", "lt", "sgt", "capt", "rev",
        "min", "max", "avg", "ca", "p", "pp",
    };

    private readonly StringBuilder _buffer = new();

    /// <summary>Characters of text received but not yet released as a sentence.</summary>
    public int PendingLength => _buffer.Length;

    /// <summary>True when <paramref name="text"/> ends as a sentence does ('.', '!', '?' or '…', closing quotes allowed).</summary>
    public static bool EndsLikeASentence(string text)
    {
        var end = text.TrimEnd().TrimEnd('"', '\'', ')', ']', '”', '’');
        return end.Length > 0 && end[^1] is '.' or '!' or '?' or '…';
    }

    /// <summary>Adds a token; returns the sentences it completed (usually none or one).</summary>
    public IReadOnlyList<string> Append(string token)
    {
        _buffer.Append(token);
        List<string>? sentences = null;
        for (var i = 0; i < _buffer.Length; i++)
        {
            var end = EndOfSentenceAt(i);
            if (end < 0)
            {
                if (end == NeedMore)
                {
                    break;
                }

                continue;
            }

            var sentence = SpeakableText.Clean(_buffer.ToString(0, end));
            _buffer.Remove(0, end);
            i = -1;
            if (sentence.Length > 0)
            {
                (sentences ??= []).Add(sentence);
            }
        }

        if (_buffer.Length > SoftMaxLength && CutAtClause() is { } clause)
        {
            (sentences ??= []).Add(clause);
        }

        return sentences ?? (IReadOnlyList<string>)[];
    }

    /// <summary>The rest of the text at the end of the stream (null when nothing speakable is left).</summary>
    public string? Flush()
    {
        var rest = SpeakableText.Clean(_buffer.ToString());
        _buffer.Clear();
        return rest.Length > 0 ? rest : null;
    }

    private const int NotAnEnd = -1;
    private const int NeedMore = -2;

    /// <summary>Length of the sentence ending at <paramref name="i"/>, <see cref="NotAnEnd"/>, or <see cref="NeedMore"/>.</summary>
    private int EndOfSentenceAt(int i)
    {
        var c = _buffer[i];
        if (c == '\n')
        {
            return i + 1;
        }

        if (c is not ('.' or '!' or '?' or '…'))
        {
            return NotAnEnd;
        }

        // Closing quotes/brackets belong to the sentence.
        var j = i + 1;
        while (j < _buffer.Length && _buffer[j] is '"' or '\'' or ')' or ']' or '”' or '’' or '.' or '!' or '?')
        {
            j++;
        }

        if (j >= _buffer.Length)
        {
            return NeedMore;
        }

        if (!char.IsWhiteSpace(_buffer[j]))
        {
            return NotAnEnd;
        }

        if (c is not ('.' or '…'))
        {
            return j;
        }

        var k = j;
        while (k < _buffer.Length && _buffer[k] is ' ' or '\t')
        {
            k++;
        }

        if (k >= _buffer.Length)
        {
            return NeedMore;
        }

        return IsSentenceEndingPeriod(i, _buffer[k]) ? j : NotAnEnd;
    }

    private bool IsSentenceEndingPeriod(int dot, char next)
    {
        if (char.IsLower(next) || _buffer[dot] == '…')
        {
            return !char.IsLower(next);
        }

        var start = dot;
        while (start > 0 && !char.IsWhiteSpace(_buffer[start - 1]))
        {
            start--;
        }

        var word = _buffer.ToString(start, dot - start).TrimStart('(', '"', '\'');
        if (word.Length == 1 && char.IsLetter(word[0]))
        {
            return false;
        }

        if (Abbreviations.Contains(word))
        {
            return false;
        }

        // "1. First item": a bare number opening a line or the text is a list marker.
        var isNumber = word.Length is > 0 and <= 3 && word.All(char.IsDigit);
        return !(isNumber && (start == 0 || _buffer[start - 1] == '\n'));
    }

    private string? CutAtClause()
    {
        var text = _buffer.ToString();
        var cut = text.LastIndexOfAny([',', ';', ':'], SoftMaxLength);
        if (cut < SoftMaxLength / 3)
        {
            return null;
        }

        _buffer.Remove(0, cut + 1);
        var clause = SpeakableText.Clean(text[..(cut + 1)]);
        return clause.Length > 0 ? clause : null;
    }
}
