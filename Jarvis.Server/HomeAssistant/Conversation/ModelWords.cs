using System.Text;

namespace Jarvis.Server.HomeAssistant.Conversation;

/// <summary>
/// What the duplex model said in one room, assembled from its word pieces into sentences (a piece ending in '.', '?', '!' or
/// '…' ends one), each stamped with when it was complete. Bounded: only the last few sentences are kept. Thread-safe: pieces
/// arrive on the model's text stream while turns read.
/// </summary>
internal sealed class ModelWords(TimeProvider time)
{
    private const int MaxSentences = 8;
    private const int MaxSentenceLength = 400;

    private readonly Lock _gate = new();
    private readonly Queue<(string Text, long At)> _sentences = new();
    private readonly StringBuilder _partial = new();
    private long _partialAt;

    public void Add(string piece)
    {
        lock (_gate)
        {
            _partial.Append(piece);
            _partialAt = time.GetTimestamp();
            var end = piece.TrimEnd(' ', '"', '\'', ')', '”', '’');
            if (end.Length > 0 && end[^1] is '.' or '?' or '!' or '…')
            {
                Complete();
            }
            else if (_partial.Length > MaxSentenceLength)
            {
                _partial.Clear();
            }
        }
    }

    /// <summary>
    /// The sentences said up to <paramref name="before"/> (a timestamp; null = all), oldest first, including an unfinished
    /// one whose last word came before it (the model stopped mid-sentence when the user spoke). Later ones stay for the next turn.
    /// </summary>
    public IReadOnlyList<string> TakeUntil(long? before)
    {
        lock (_gate)
        {
            if (_partial.Length > 0 && (before is null || _partialAt <= before))
            {
                Complete();
            }

            var taken = new List<string>();
            while (_sentences.TryPeek(out var sentence) && (before is null || sentence.At <= before))
            {
                taken.Add(_sentences.Dequeue().Text);
            }

            return taken;
        }
    }

    /// <summary>What <see cref="TakeUntil"/> would take, left in place (the unfinished sentence included as it stands).</summary>
    public IReadOnlyList<string> PeekUntil(long? before)
    {
        lock (_gate)
        {
            var seen = new List<string>();
            foreach (var sentence in _sentences)
            {
                if (before is not null && sentence.At > before)
                {
                    break;
                }

                seen.Add(sentence.Text);
            }

            if (_partial.Length > 0 && (before is null || _partialAt <= before))
            {
                seen.Add(_partial.ToString().Trim());
            }

            return seen;
        }
    }

    private void Complete()
    {
        var text = _partial.ToString().Trim();
        _partial.Clear();
        if (text.Length == 0)
        {
            return;
        }

        _sentences.Enqueue((text, _partialAt));
        while (_sentences.Count > MaxSentences)
        {
            _sentences.Dequeue();
        }
    }
}
