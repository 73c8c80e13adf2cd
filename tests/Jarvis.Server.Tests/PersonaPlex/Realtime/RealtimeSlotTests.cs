using Jarvis.PersonaPlex.Emulator.Realtime;
using Jarvis.Server.PersonaPlex;
using Jarvis.Server.Tests.PersonaPlex.Support;

namespace Jarvis.Server.Tests.PersonaPlex.Realtime;

/// <summary>How the Realtime slots share an endpoint: admission, closing before reuse, persona changes, on-demand, the clock.</summary>
public sealed class RealtimeSlotTests : IAsyncLifetime
{
    private readonly RealtimeEmulator _emulator = new(new RealtimeEmulatorOptions { ChunkFrames = 1 });

    public Task InitializeAsync() => _emulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Two_rooms_share_one_endpoint_and_a_third_waits_until_a_slot_frees()
    {
        await using var harness = await StartAsync(capacity: 2);
        await Eventually.TrueAsync(() => harness.Manager.GetStatus().All(s => s.State == PersonaPlexState.Warm), "both slots warm");

        var kitchen = await harness.Manager.AcquireAsync("kitchen", CancellationToken.None);
        await using var office = await harness.Manager.AcquireAsync("office", CancellationToken.None);
        var hall = harness.Manager.AcquireAsync("hall", CancellationToken.None).AsTask();
        Assert.False(hall.IsCompleted);
        Assert.NotEqual(kitchen.Endpoint, office.Endpoint);
        Assert.Equal(["kitchen", "office"], harness.Manager.GetStatus().Select(s => s.RoomId).Order());

        await kitchen.DisposeAsync();
        await using var third = await hall.WaitAsync(Eventually.Deadline);

        Assert.Equal(kitchen.Endpoint, third.Endpoint);
        Assert.Equal(["hall", "office"], harness.Manager.GetStatus().Select(s => s.RoomId).Order());
        Assert.Equal(2, _emulator.OpenedSessions.Count); // the warm sessions are reused; no third session is ever opened
    }

    [Fact]
    public async Task A_new_persona_closes_the_idle_sessions_and_opens_new_ones_never_more_than_the_server_admits()
    {
        await using var harness = await StartAsync(capacity: 2);
        await Eventually.TrueAsync(() => harness.Manager.GetStatus().All(s => s.State == PersonaPlexState.Warm), "warm");

        await harness.Manager.SetPersonaAsync("You are Jarvis the butler.", "NATM1.pt", CancellationToken.None);

        await Eventually.TrueAsync(() => _emulator.OpenedSessions.Count == 4 && harness.Manager.GetStatus().All(s => s.State == PersonaPlexState.Warm), "two new sessions");
        Assert.All(_emulator.OpenedSessions.Take(2), s => Assert.Equal("persona_change", s.EndReason));
        Assert.All(_emulator.OpenedSessions.Skip(2), s => Assert.Equal("You are Jarvis the butler.", s.Instructions));
        Assert.DoesNotContain(_emulator.Sessions, s => s.Errors.Contains("resource_exhausted"));
    }

    [Fact]
    public async Task On_demand_opens_a_session_for_a_conversation_and_closes_it_after()
    {
        await using var harness = await StartAsync(capacity: 1, o => o.Mode = PersonaPlexMode.OnDemand);
        Assert.Equal(PersonaPlexState.Idle, harness.Status.State);
        Assert.Empty(_emulator.Sessions);

        await using (var room = new PacedRoom(await harness.Manager.AcquireAsync("kitchen", CancellationToken.None), Tone.Kitchen))
        {
            await Eventually.TrueAsync(() => _emulator.OpenedSessions.Count == 1 && _emulator.OpenedSessions[0].Frames.Any(f => Tone.Dominant(f.Samples, 24000) == Tone.Kitchen), "the room's audio in a new session");
        }

        Assert.Equal("client_close", await _emulator.OpenedSessions[0].Ended.WaitAsync(Eventually.Deadline));
        await Eventually.TrueAsync(() => harness.Status.State == PersonaPlexState.Idle && _emulator.Admission.Held == 0, "idle again, the server's slot free");
    }

    [Fact]
    public async Task Room_audio_is_never_sent_ahead_of_real_time()
    {
        await using var harness = await StartAsync(capacity: 1);
        await Eventually.TrueAsync(() => harness.Status.State == PersonaPlexState.Warm, "warm");
        await using var kitchen = await harness.Manager.AcquireAsync("kitchen", CancellationToken.None);
        var session = _emulator.OpenedSessions[0];

        var burst = System.Diagnostics.Stopwatch.StartNew();
        foreach (var packet in TestPackets.Tone(100, 16000, Tone.Kitchen)) // two seconds of audio at once (a stalled link catching up)
        {
            await kitchen.SendAsync(packet, CancellationToken.None);
        }

        var took = burst.Elapsed;
        var frames = session.Frames.Count;
        await Eventually.TrueAsync(() => session.Frames.Count >= frames + 5, "the clock goes on");

        // One frame's worth may go at once (the 60 ms the idle stream runs behind, plus one packet of lead), the rest only as
        // fast as real time passed during the burst; the two frames it may touch partly are allowed for.
        var allowed = 2 + (int)Math.Ceiling(took.TotalMilliseconds / 80);
        Assert.InRange(session.Frames.Count(f => Tone.Dominant(f.Samples, 24000) == Tone.Kitchen), 1, allowed);
    }

    [Fact]
    public async Task While_the_model_prepares_the_persona_nothing_piles_up_to_be_answered_in_a_burst()
    {
        _emulator.Options.PrefillDelay = TimeSpan.FromSeconds(1.5);
        await using var harness = await StartAsync(capacity: 1, o => o.Mode = PersonaPlexMode.OnDemand);

        await using var room = new PacedRoom(await harness.Manager.AcquireAsync("kitchen", CancellationToken.None), Tone.Kitchen);
        await Eventually.TrueAsync(() => Tone.Heard(Tone.Decode(room.Heard)).Count(t => t == Tone.Kitchen) >= 5, "the room hears the model");

        var session = _emulator.OpenedSessions[0];
        Assert.InRange(session.QueuedAtPrefillEnd, 0, 3); // ~19 frames of the room's audio would have queued
        Assert.True(session.InsertedSilenceFrames > 0, "the server clocked the model with silence during the prefill");
        Assert.True(room.Heard.Count / 4 <= session.Frames.Count, "the room never hears more than it sent (the server's own silence is dropped)");
    }

    private Task<ManagerHarness> StartAsync(int capacity, Action<PersonaPlexOptions>? configure = null) =>
        ManagerHarness.StartAsync(o =>
        {
            o.Endpoints = [new PersonaPlexEndpointOptions { Url = _emulator.RealtimeUrl.ToString(), Capacity = capacity }];
            configure?.Invoke(o);
        });
}
