using Jarvis.Server.Rooms;

namespace Jarvis.Server.Tests.Rooms;

public sealed class ConversationLifetimeTests
{
    private static CoordinatorHarness StartedIn(string room, Action<RoomsOptions>? configure = null)
    {
        var hub = new CoordinatorHarness(configure);
        hub.Coordinator.Wake(room, 0.8, WakeSource.WakeWord);
        hub.Advance(210);
        hub.Drain();
        return hub;
    }

    [Fact]
    public void Conversation_ends_after_the_quiet_period_with_a_flush()
    {
        using var hub = StartedIn("kitchen");
        hub.Advance(19_000);
        Assert.Equal("kitchen", hub.Coordinator.ActiveRoom(0));

        hub.Advance(1_100);

        var ended = hub.Drain();
        Assert.Equal(
            [HubCommandKind.Flush, HubCommandKind.End, HubCommandKind.Led],
            ended.Select(c => c.Kind));
        Assert.All(ended, c => Assert.Equal("kitchen", c.Room));
        Assert.Null(hub.Coordinator.ActiveRoom(0));
    }

    [Fact]
    public void Speech_in_the_room_restarts_the_quiet_period()
    {
        using var hub = StartedIn("kitchen");
        hub.Advance(15_000);
        hub.Coordinator.Voice("kitchen", true, 0.7);
        hub.Coordinator.Voice("kitchen", false, 0);
        hub.Advance(15_000);

        Assert.Equal("kitchen", hub.Coordinator.ActiveRoom(0));
    }

    [Fact]
    public void A_conversation_does_not_end_while_the_user_is_still_talking()
    {
        using var hub = StartedIn("kitchen");
        hub.Coordinator.Voice("kitchen", true, 0.7);
        hub.Advance(30_000);

        Assert.Equal("kitchen", hub.Coordinator.ActiveRoom(0));
    }

    [Fact]
    public void The_quiet_period_counts_from_the_end_of_what_was_played()
    {
        using var hub = StartedIn("kitchen", o => o.QuietPeriod = TimeSpan.FromSeconds(6));
        hub.Advance(1_000);

        // A 60 s answer, streamed as it is produced: each piece is heard when the ones before it have played.
        var heardBy = hub.Time.GetUtcNow();
        for (var second = 0; second < 60; second++)
        {
            heardBy += TimeSpan.FromSeconds(1);
            hub.Coordinator.Said("kitchen", heardBy);
            hub.Advance(1_000);
        }

        hub.Advance(5_500);
        Assert.Equal("kitchen", hub.Coordinator.ActiveRoom(0));

        hub.Advance(1_000);
        Assert.Null(hub.Coordinator.ActiveRoom(0));
    }

    [Fact]
    public void An_answer_queued_far_ahead_keeps_the_conversation_until_it_has_played()
    {
        using var hub = StartedIn("kitchen", o => o.QuietPeriod = TimeSpan.FromSeconds(6));
        hub.Coordinator.Said("kitchen", hub.Time.GetUtcNow() + TimeSpan.FromSeconds(30));

        hub.Advance(35_000);
        Assert.Equal("kitchen", hub.Coordinator.ActiveRoom(0));

        hub.Advance(1_500);
        Assert.Null(hub.Coordinator.ActiveRoom(0));
    }

    [Fact]
    public void Quiet_period_is_configurable()
    {
        using var hub = StartedIn("kitchen", o => o.QuietPeriod = TimeSpan.FromSeconds(5));
        hub.Advance(5_100);

        Assert.Null(hub.Coordinator.ActiveRoom(0));
    }

    [Fact]
    public void Muting_the_active_room_ends_its_conversation()
    {
        using var hub = StartedIn("kitchen");
        hub.Coordinator.SetMuted("kitchen", true);

        Assert.Contains(hub.Drain(), c => c is { Kind: HubCommandKind.End, Room: "kitchen" });
        Assert.Null(hub.Coordinator.ActiveRoom(0));
    }

    [Fact]
    public void A_disconnected_satellite_loses_its_conversation()
    {
        using var hub = StartedIn("kitchen");
        hub.Coordinator.SetOnline("kitchen", false);

        Assert.Null(hub.Coordinator.ActiveRoom(0));
    }

    [Fact]
    public void A_backend_failure_ends_the_conversation_with_the_error_led_and_the_next_one_starts()
    {
        using var hub = StartedIn("kitchen");
        hub.Coordinator.EndConversation("kitchen", "PersonaPlex dropped the session", error: true);
        Assert.Contains(hub.Drain(), c => c is { Kind: HubCommandKind.Led, Room: "kitchen", Led: RoomLed.Error });

        hub.Coordinator.Wake("kitchen", 0.8, WakeSource.WakeWord);
        hub.Advance(210);

        Assert.Equal("kitchen", hub.Coordinator.ActiveRoom(0));
    }

    [Fact]
    public void With_two_endpoints_two_rooms_converse_at_once()
    {
        using var hub = StartedIn("kitchen", o => o.ConversationSlots = 2);
        hub.Coordinator.Wake("office", 0.8, WakeSource.LongPress);
        hub.Advance(210);

        Assert.Equal(("kitchen", "office"), (hub.Coordinator.ActiveRoom(0), hub.Coordinator.ActiveRoom(1)));
    }

    [Fact]
    public void With_one_endpoint_the_second_room_waits_and_starts_when_it_frees()
    {
        using var hub = StartedIn("kitchen");
        hub.Coordinator.Wake("office", 0.8, WakeSource.LongPress);
        hub.Advance(210);
        Assert.Contains(hub.Coordinator.Rooms(), r => r is { Room: "office", Waiting: true });

        hub.Coordinator.EndConversation("kitchen", "user said goodbye", error: false);

        Assert.Equal("office", hub.Coordinator.ActiveRoom(0));
        Assert.Contains(hub.Drain(), c => c is { Kind: HubCommandKind.Start, Room: "office", Slot: 0 });
    }

    [Fact]
    public void A_waiting_room_gives_up_after_the_wait_limit()
    {
        using var hub = StartedIn("kitchen", o => o.WaitForEndpoint = TimeSpan.FromSeconds(5));
        hub.Coordinator.Wake("office", 0.8, WakeSource.LongPress);
        hub.Advance(210);
        hub.Coordinator.Voice("kitchen", true, 0.5);
        hub.Advance(6_000);

        Assert.Contains(hub.Drain(), c => c is { Kind: HubCommandKind.StandDown, Room: "office" });
        hub.Coordinator.EndConversation("kitchen", "done", error: false);
        Assert.Null(hub.Coordinator.ActiveRoom(0));
    }
}
