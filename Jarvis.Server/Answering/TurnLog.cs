namespace Jarvis.Server.Answering;

/// <summary>The most recent turns (bounded), newest last; read by the status page, <c>/api/turns</c> and ratings (the metrics are <see cref="Conversation.ConversationStageMetrics"/>).</summary>
public sealed class TurnLog
{
    public const int Capacity = 200;

    private readonly LinkedList<TurnRecord> _turns = new();
    private readonly Lock _lock = new();

    public void Add(TurnRecord turn)
    {
        lock (_lock)
        {
            _turns.AddLast(turn);
            if (_turns.Count > Capacity)
            {
                _turns.RemoveFirst();
            }
        }
    }

    public IReadOnlyList<TurnRecord> Recent(int count = Capacity)
    {
        lock (_lock)
        {
            return [.. _turns.Skip(Math.Max(0, _turns.Count - count))];
        }
    }

    /// <summary>The room's last turn that was not itself a rating.</summary>
    public TurnRecord? LastRated(string room)
    {
        lock (_lock)
        {
            for (var node = _turns.Last; node is not null; node = node.Previous)
            {
                if (node.Value.Room == room && node.Value.Handling != "rating")
                {
                    return node.Value;
                }
            }

            return null;
        }
    }
}
