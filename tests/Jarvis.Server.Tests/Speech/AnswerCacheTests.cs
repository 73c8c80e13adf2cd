using Jarvis.Server.Routing;
using Jarvis.Server.Speech;
using Jarvis.Server.Tests.Emulators;
using Microsoft.Extensions.Time.Testing;

namespace Jarvis.Server.Tests.Speech;

public sealed class AnswerCacheTests
{
    [Fact]
    public void An_answer_is_found_by_its_normalised_query_until_the_ttl_expires()
    {
        var time = new FakeTimeProvider();
        var cache = new AnswerCache(new FixedOptionsMonitor<RoutingOptions>(new RoutingOptions { CacheTtl = TimeSpan.FromMinutes(10) }), time);
        cache.Store("Explain recursion!", "text", new OpusRecording());

        Assert.True(cache.TryGet("explain   RECURSION", out var hit));
        Assert.Equal("text", hit.Text);
        time.Advance(TimeSpan.FromMinutes(11));
        Assert.False(cache.TryGet("explain recursion", out _));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void The_oldest_answers_are_dropped_beyond_capacity()
    {
        var time = new FakeTimeProvider();
        var cache = new AnswerCache(new FixedOptionsMonitor<RoutingOptions>(new RoutingOptions { CacheCapacity = 2 }), time);

        foreach (var q in new[] { "one", "two", "three" })
        {
            cache.Store(q, q, new OpusRecording());
            time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.False(cache.TryGet("one", out _));
        Assert.True(cache.TryGet("three", out _));
        Assert.Equal(2, cache.Count);
    }
}
