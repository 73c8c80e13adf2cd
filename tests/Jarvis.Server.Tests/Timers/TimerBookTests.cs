using Jarvis.Server.State;
using Jarvis.Server.Timers;
using Jarvis.Server.Timers.Grammar;
using Jarvis.Server.Tests.Hub;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Jarvis.Server.Tests.Timers;

public sealed class TimerBookTests : IDisposable
{
    private readonly string _directory = TestState.NewDirectory();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_timer_ends_when_its_time_comes_and_not_before()
    {
        using var book = NewBook();
        book.Load();
        var timer = book.Start("kitchen", new SpokenDuration(0, 5, 0), "pizza");

        _time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        Assert.False(book.Ended.TryRead(out _));

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(book.Ended.TryRead(out var ended));
        Assert.Equal(timer.Id, ended.Id);
        Assert.Empty(book.All());
    }

    [Fact]
    public void Paused_time_does_not_count_and_added_time_moves_the_end()
    {
        using var book = NewBook();
        book.Load();
        var timer = book.Start("kitchen", new SpokenDuration(0, 10, 0), null);

        _time.Advance(TimeSpan.FromMinutes(4));
        book.Pause(timer.Id);
        _time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(TimeSpan.FromMinutes(6), book.All().Single().Left(_time.GetUtcNow()));
        Assert.False(book.Ended.TryRead(out _));

        book.Resume(timer.Id);
        book.Add(timer.Id, TimeSpan.FromMinutes(2));
        book.Add(timer.Id, -TimeSpan.FromMinutes(1));
        _time.Advance(TimeSpan.FromMinutes(7) - TimeSpan.FromSeconds(1));
        Assert.False(book.Ended.TryRead(out _));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(book.Ended.TryRead(out _));
    }

    [Fact]
    public void Timers_are_restored_after_a_restart_and_one_that_ended_meanwhile_rings_at_start()
    {
        string shortId, longId, pausedId;
        using (var before = NewBook())
        {
            before.Load();
            shortId = before.Start("kitchen", new SpokenDuration(0, 1, 0), "tea").Id;
            longId = before.Start("office", new SpokenDuration(1, 0, 0), null).Id;
            pausedId = before.Start("office", new SpokenDuration(0, 3, 0), "eggs").Id;
            before.Pause(pausedId);
        }

        _time.Advance(TimeSpan.FromMinutes(10));
        using var after = NewBook();
        after.Load();

        Assert.True(after.Ended.TryRead(out var ended));
        Assert.Equal((shortId, "tea", "kitchen"), (ended.Id, ended.Name, ended.Room));
        var left = after.All().ToDictionary(t => t.Id, t => t.Left(_time.GetUtcNow()));
        Assert.Equal(TimeSpan.FromMinutes(50), left[longId]);
        Assert.Equal(TimeSpan.FromMinutes(3), left[pausedId]);
    }

    [Fact]
    public void A_damaged_timers_file_is_kept_aside_and_the_server_starts_without_timers()
    {
        File.WriteAllText(Path.Combine(_directory, "timers.json"), "{ not json");
        using var book = NewBook();
        book.Load();

        Assert.Empty(book.All());
        Assert.True(File.Exists(Path.Combine(_directory, "timers.json.bad")));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private TimerBook NewBook()
    {
        var state = new StateDirectory(Options.Create(new StateOptions { Directory = _directory }), NullLogger<StateDirectory>.Instance);
        return new TimerBook(new TimerStore(state, Options.Create(new TimersOptions()), NullLogger<TimerStore>.Instance), _time);
    }
}
