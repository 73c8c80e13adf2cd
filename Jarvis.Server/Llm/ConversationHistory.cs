using System.Collections.Concurrent;
using OllamaSharp.Models.Chat;

namespace Jarvis.Server.Llm;

/// <summary>Per-room chat history, bounded to the last N question/answer pairs. Thread-safe.</summary>
public sealed class ConversationHistory
{
    private readonly ConcurrentDictionary<string, LinkedList<(string Question, string Answer)>> _rooms = new(StringComparer.Ordinal);

    public IReadOnlyList<Message> Messages(string room)
    {
        if (!_rooms.TryGetValue(room, out var turns))
        {
            return [];
        }

        lock (turns)
        {
            return [.. turns.SelectMany(t => new[] { new Message(ChatRole.User, t.Question), new Message(ChatRole.Assistant, t.Answer) })];
        }
    }

    public void Add(string room, string question, string answer, int maxTurns)
    {
        if (maxTurns <= 0)
        {
            return;
        }

        var turns = _rooms.GetOrAdd(room, _ => new LinkedList<(string, string)>());
        lock (turns)
        {
            turns.AddLast((question, answer));
            while (turns.Count > maxTurns)
            {
                turns.RemoveFirst();
            }
        }
    }

    public void Reset(string room) => _rooms.TryRemove(room, out _);
}
