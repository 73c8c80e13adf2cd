using Jarvis.Server.Answering;
using Jarvis.Server.Conversation;

namespace Jarvis.Server.Tests.Answering;

public sealed class RatingAndCannedReplyTests
{
    [Theory]
    [InlineData("rate that 4", 4)]
    [InlineData("Rate that four.", 4)]
    [InlineData("Jarvis, rate this conversation 5 out of 5", 5)]
    [InlineData("rate the last answer a two", 2)]
    [InlineData("I rate it 3 stars", 3)]
    public void Spoken_ratings_are_recognised(string transcript, int stars)
    {
        Assert.True(RatingParser.TryParse(transcript, out var parsed));
        Assert.Equal(stars, parsed);
    }

    [Theory]
    [InlineData("rate that 9")]
    [InlineData("what is the exchange rate for the pound")]
    [InlineData("rate my essay on climate change")]
    public void Other_sentences_with_rate_are_not_ratings(string transcript)
    {
        Assert.False(RatingParser.TryParse(transcript, out _));
    }

    [Theory]
    [InlineData("Thanks!", "You're welcome.")]
    [InlineData("hello there", "Hello! What can I do for you?")]
    [InlineData("Yeah, that sounds good", "Okay.")]
    public void Chit_chat_has_short_canned_replies(string transcript, string reply)
    {
        Assert.Equal(reply, ChitChatReplies.TryReply(transcript));
    }

    [Fact]
    public void Questions_get_no_canned_reply()
    {
        Assert.Null(ChitChatReplies.TryReply("what's the weather in paris tomorrow"));
        Assert.Null(ChitChatReplies.TryReply("no I meant the other document about the quarterly budget numbers"));
    }
}
