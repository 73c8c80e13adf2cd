using System.Collections.Concurrent;
using Jarvis.Server.Speech;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Routing;

/// <summary>
/// Answers by normalised query (see <see cref="QueryNormalizer"/>), kept for <see cref="RoutingOptions.CacheTtl"/>: a
/// repeat within the TTL replays text and audio without calling the LLM. Bounded; the oldest entries go first.
/// </summary>
public sealed class AnswerCache(IOptionsMonitor<RoutingOptions> options, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, CachedAnswer> _entries = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    public bool TryGet(string query, out CachedAnswer answer)
    {
        var key = QueryNormalizer.Normalize(query);
        if (_entries.TryGetValue(key, out var found))
        {
            if (timeProvider.GetUtcNow() - found.StoredAt < options.CurrentValue.CacheTtl)
            {
                answer = found;
                return true;
            }

            _entries.TryRemove(new KeyValuePair<string, CachedAnswer>(key, found));
        }

        answer = null!;
        return false;
    }

    public void Store(string query, string text, OpusRecording audio)
    {
        var o = options.CurrentValue;
        if (o.CacheTtl <= TimeSpan.Zero)
        {
            return;
        }

        var now = timeProvider.GetUtcNow();
        _entries[QueryNormalizer.Normalize(query)] = new CachedAnswer(text, audio, now);
        if (_entries.Count <= o.CacheCapacity)
        {
            return;
        }

        foreach (var stale in _entries.Where(e => now - e.Value.StoredAt >= o.CacheTtl).ToList())
        {
            _entries.TryRemove(stale);
        }

        foreach (var oldest in _entries.OrderBy(e => e.Value.StoredAt).Take(Math.Max(0, _entries.Count - o.CacheCapacity)).ToList())
        {
            _entries.TryRemove(oldest);
        }
    }
}
