using Jarvis.Server.Routing;

namespace Jarvis.Server.Answering;

/// <summary>Short canned replies for acknowledgements and small talk in pipeline mode (no LLM round trip needed).</summary>
public static class ChitChatReplies
{
    private static readonly (string[] Starts, string Reply)[] Rules =
    [
        (["thank you", "thanks", "i appreciate", "appreciate it", "cheers"], "You're welcome."),
        (["good morning"], "Good morning!"),
        (["good night"], "Good night. Sleep well."),
        (["goodbye", "bye", "see you", "until next time", "farewell"], "Goodbye!"),
        (["hello", "hi", "hey there", "hey"], "Hello! What can I do for you?"),
        (["how are you", "how is it going", "hows it going", "how are things"], "I'm doing well, thanks for asking."),
        (["yes", "yeah", "yep", "sure", "okay", "ok", "alright", "sounds good", "great", "perfect", "cool"], "Okay."),
        (["no", "nope", "nah", "never mind", "nevermind", "cancel", "stop", "forget it"], "Alright."),
        (["what is your name", "whats your name", "who are you"], "I'm Jarvis."),
    ];

    public static string? TryReply(string transcript)
    {
        var text = string.Join(' ', QueryNormalizer.Tokenize(QueryNormalizer.Normalize(transcript)));
        if (text.Split(' ').Length > 6)
        {
            return null;
        }

        foreach (var (starts, reply) in Rules)
        {
            if (starts.Any(s => text == s || text.StartsWith(s + " ", StringComparison.Ordinal)))
            {
                return reply;
            }
        }

        return null;
    }
}
