using Jarvis.PersonaPlex.Emulator;
using Jarvis.Server.PersonaPlex;
using Jarvis.Server.Rooms;
using Jarvis.Server.Tests.PersonaPlex.Support;

namespace Jarvis.Server.Tests.PersonaPlex;

/// <summary>PersonaPlex's input stays at real time (issue 10 item 2), checked on the emulator's record of arrival times.</summary>
public sealed class PersonaPlexInputClockTests : IAsyncLifetime
{
    private readonly PersonaPlexEmulator _emulator = new(new EmulatorOptions { PromptSteps = 5 });

    public Task InitializeAsync() => _emulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Input_faster_than_real_time_is_trimmed_back_to_the_clock()
    {
        await using var harness = await StartAsync();
        await Eventually.TrueAsync(() => harness.Status.State == PersonaPlexState.Warm, "warm session");
        await using var conversation = await harness.Manager.AcquireAsync("kitchen", CancellationToken.None);

        foreach (var packet in TestPackets.Tone(100)) // two seconds at once: a stalled link catching up
        {
            await conversation.SendAsync(packet, CancellationToken.None);
        }

        Assert.InRange(harness.Status.TrimmedPackets, 90, 99);
        var session = _emulator.Sessions[^1];
        await Eventually.TrueAsync(() => session.Steps >= 10, "the session goes on");
        Assert.True(session.MaxInputAhead() <= TimeSpan.FromMilliseconds(80), $"input ran {session.MaxInputAhead().TotalMilliseconds:0} ms ahead");
    }

    [Fact]
    public async Task A_conversation_on_a_warm_session_passes_every_paced_packet_in_the_place_of_silence()
    {
        await using var harness = await StartAsync();
        await Eventually.TrueAsync(() => harness.Status.State == PersonaPlexState.Warm, "warm session");
        var packets = TestPackets.Tone(50);
        await using var conversation = await harness.Manager.AcquireAsync("kitchen", CancellationToken.None);
        using (var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(20)))
        {
            foreach (var packet in packets)
            {
                await pace.WaitForNextTickAsync();
                await conversation.SendAsync(packet, CancellationToken.None);
            }
        }

        var session = _emulator.Sessions[^1];
        await Eventually.TrueAsync(() => packets.All(p => session.DecodedPackets.Any(d => d.AsSpan().SequenceEqual(p))), "every packet heard");
        Assert.Equal(0, harness.Status.TrimmedPackets);
        Assert.Equal(0, harness.Status.DroppedNotReadyPackets);
        Assert.True(session.MaxInputAhead() <= TimeSpan.FromMilliseconds(80), $"input ran {session.MaxInputAhead().TotalMilliseconds:0} ms ahead");
        var sent = harness.Status.SentSeconds;
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(session.HandshakeSent).TotalSeconds;
        Assert.True(sent <= elapsed + 0.08, $"room audio replaced silence instead of adding to it: {sent:0.00} s sent in {elapsed:0.00} s");
    }

    [Fact]
    public async Task A_due_rotation_waits_for_a_quiet_house()
    {
        var house = new ScriptedHouse { Quiet = TimeSpan.Zero };
        await using var harness = await StartAsync(o =>
        {
            o.RotateAfter = TimeSpan.FromMilliseconds(300);
            o.RotateQuietWait = TimeSpan.FromSeconds(20);
        }, house);
        await Eventually.TrueAsync(() => harness.Status.State == PersonaPlexState.Warm, "warm session");
        var steps = _emulator.Sessions[0].Steps;
        await Eventually.TrueAsync(() => _emulator.Sessions[0].Steps >= steps + 15, "1.2 s of idle session, well past RotateAfter");
        Assert.Equal(0, harness.Status.Rotations);

        house.Quiet = TimeSpan.FromSeconds(21);

        await Eventually.TrueAsync(() => harness.Status.Rotations == 1, "rotation once the house is quiet");
    }

    [Fact]
    public void Rotation_quiet_wait_must_not_be_negative()
    {
        var result = new PersonaPlexOptionsValidator().Validate(null, new PersonaPlexOptions { RotateQuietWait = TimeSpan.FromSeconds(-1) });

        Assert.Contains("PersonaPlex:RotateQuietWait", result.FailureMessage);
    }

    private Task<ManagerHarness> StartAsync(Action<PersonaPlexOptions>? configure = null, IHouseActivity? house = null) =>
        ManagerHarness.StartAsync(
            o =>
            {
                o.Url = _emulator.ChatUrl.ToString();
                configure?.Invoke(o);
            },
            house: house);

    /// <summary>The rooms' activity as the test says it is.</summary>
    private sealed class ScriptedHouse : IHouseActivity
    {
        private long _quietTicks;

        public TimeSpan Quiet
        {
            get => TimeSpan.FromTicks(Interlocked.Read(ref _quietTicks));
            set => Interlocked.Exchange(ref _quietTicks, value.Ticks);
        }

        public TimeSpan QuietFor() => Quiet;
    }
}
