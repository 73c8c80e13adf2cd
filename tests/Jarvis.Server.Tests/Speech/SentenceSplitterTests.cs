using Jarvis.Server.Speech;

namespace Jarvis.Server.Tests.Speech;

public sealed class SentenceSplitterTests
{
    private static List<string> Split(string text, int chunk)
    {
        var splitter = new SentenceSplitter();
        var sentences = new List<string>();
        for (var i = 0; i < text.Length; i += chunk)
        {
            sentences.AddRange(splitter.Append(text.Substring(i, Math.Min(chunk, text.Length - i))));
        }

        if (splitter.Flush() is { } rest)
        {
            sentences.Add(rest);
        }

        return sentences;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(1000)]
    public void Splits_the_same_way_whatever_the_token_boundaries(int chunk)
    {
        const string text = "Pi is about 3.14 in value. Dr. Smith agrees, e.g. in his book! Does it work? Yes… it does.";

        Assert.Equal(["Pi is about 3.14 in value.", "Dr. Smith agrees, e.g. in his book!", "Does it work?", "Yes… it does."], Split(text, chunk));
    }

    [Fact]
    public void List_items_are_sentences_and_their_markers_are_not_spoken()
    {
        const string text = "Three steps:\n1. Boil the water.\n2. Add the pasta.\n- **Stir** often\n";

        Assert.Equal(["Three steps:", "Boil the water.", "Add the pasta.", "Stir often"], Split(text, 2));
    }

    [Fact]
    public void Initials_and_lower_case_continuations_do_not_end_a_sentence()
    {
        Assert.Equal(["J. R. R. Tolkien wrote it approx. in 1937."], Split("J. R. R. Tolkien wrote it approx. in 1937.", 4));
    }

    [Fact]
    public void A_sentence_is_released_as_soon_as_the_next_one_starts()
    {
        var splitter = new SentenceSplitter();

        Assert.Empty(splitter.Append("Hello there."));
        Assert.Equal(["Hello there."], splitter.Append(" How"));
        Assert.Equal(["Great!"], new SentenceSplitter().Append("Great! "));
    }

    [Fact]
    public void Quotes_after_the_full_stop_stay_with_the_sentence()
    {
        Assert.Equal(["He said \"go.\"", "Then he left."], Split("He said \"go.\" Then he left.", 5));
    }

    [Fact]
    public void Overlong_text_without_full_stops_is_cut_at_a_comma()
    {
        var text = string.Join(", ", Enumerable.Repeat("and then another clause follows", 12));

        var parts = Split(text, 10);

        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.True(p.Length <= SentenceSplitter.SoftMaxLength + 40));
        Assert.Equal(text.Replace(",", "", StringComparison.Ordinal), string.Join(" ", parts).Replace(",", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Code_fences_and_headings_are_not_read_aloud()
    {
        Assert.Equal(["Result", "It is fast."], Split("## Result\nIt is `fast`.", 3));
        Assert.Equal("snake_case stays", SpeakableText.Clean("snake_case stays"));
    }
}
