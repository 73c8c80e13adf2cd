using Jarvis.PersonaPlex.Emulator;
using Jarvis.Server.PersonaPlex;
using Jarvis.Server.Tests.PersonaPlex.Support;
using Microsoft.Extensions.Time.Testing;

namespace Jarvis.Server.Tests.PersonaPlex;

/// <summary>The manager's schedule (silence clock, rotation) driven by a fake clock against the real emulator.</summary>
public sealed class PersonaPlexClockTests : IAsyncLifetime
{
    private readonly PersonaPlexEmulator _emulator = new(new EmulatorOptions { PromptSteps = 5 });
    private readonly FakeTimeProvider _time = new();

    public Task InitializeAsync() => _emulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Silence_follows_the_clock_and_the_default_rotation_comes_after_three_and_a_half_idle_minutes()
    {
        await using var harness = await ManagerHarness.StartAsync(o => o.Url = _emulator.ChatUrl.ToString(), _time);
        await Eventually.TrueAsync(() => harness.Status.State == PersonaPlexState.Warm, "warm session");
        Assert.Equal(0, harness.Status.SentSeconds);

        for (var tick = 0; tick < 25; tick++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(20));
            await Task.Yield();
        }

        await Eventually.TrueAsync(() => _emulator.Sessions[0].Steps >= 4, "0.4 s of silence clocking the model");
        Assert.InRange(harness.Status.SentSeconds, 0.3, 0.5);

        var before = harness.Status.SentSeconds;
        _time.Advance(TimeSpan.FromMinutes(3.5) - TimeSpan.FromMilliseconds(700));
        for (var tick = 0; tick < 5; tick++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(20));
            await Task.Yield();
        }

        await Eventually.TrueAsync(() => harness.Status.SentSeconds > before, "the clock catching up after a long pause");
        Assert.True(harness.Status.SentSeconds < 1, "a pause of minutes (process stopped) is skipped, not flooded with silence");
        Assert.Equal(0, harness.Status.Rotations);

        _time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => harness.Status.Rotations == 1, "rotation at 3.5 min");
        await Eventually.TrueAsync(() => _emulator.Sessions.Count == 2 && harness.Status.State == PersonaPlexState.Warm, "a fresh warm session");
    }
}
