namespace Jarvis.Server.Llm;

/// <summary>
/// The deep LLM, per room. The stream never fails for backend reasons: a failure becomes a short spoken apology
/// (<see cref="AnswerToken.IsFallback"/>). Only cancellation by the caller ends it with an exception.
/// </summary>
public interface ILlmChat
{
    IAsyncEnumerable<AnswerToken> StreamAnswerAsync(string room, string question, CancellationToken cancellationToken);

    /// <summary>Forgets a room's conversation (e.g. when the conversation ends).</summary>
    void ResetConversation(string room);
}
