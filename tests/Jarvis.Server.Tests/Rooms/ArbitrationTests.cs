using Jarvis.Server.Rooms;

namespace Jarvis.Server.Tests.Rooms;

public sealed class ArbitrationTests
{
    [Fact]
    public void Best_score_wins_even_when_it_arrives_last_within_the_window()
    {
        using var hub = new CoordinatorHarness();
        hub.Coordinator.Wake("kitchen", 0.4, WakeSource.WakeWord);
        hub.Advance(50);
        hub.Coordinator.Wake("hall", 0.5, WakeSource.WakeWord);
        hub.Advance(100);
        hub.Coordinator.Wake("office", 0.9, WakeSource.WakeWord);
        Assert.DoesNotContain(hub.Drain(), c => c.Kind == HubCommandKind.Start);

        hub.Advance(60);
        var decided = hub.Drain();

        var start = Assert.Single(decided, c => c.Kind == HubCommandKind.Start);
        Assert.Equal("office", start.Room);
        Assert.Equal(0, start.Slot);
        Assert.Equal(["hall", "kitchen"], decided.Where(c => c.Kind == HubCommandKind.StandDown).Select(c => c.Room).Order());
        Assert.Equal("office", hub.Coordinator.ActiveRoom(0));
    }

    [Fact]
    public void A_wake_after_the_window_does_not_take_the_conversation()
    {
        using var hub = new CoordinatorHarness();
        hub.Coordinator.Wake("kitchen", 0.4, WakeSource.WakeWord);
        hub.Advance(250);
        hub.Coordinator.Wake("office", 0.9, WakeSource.WakeWord);
        hub.Advance(250);

        Assert.Equal("kitchen", hub.Coordinator.ActiveRoom(0));
        Assert.Contains(hub.Drain(), c => c is { Kind: HubCommandKind.StandDown, Room: "office" });
    }

    [Fact]
    public void The_same_wake_heard_late_in_another_room_starts_nothing_now_or_later()
    {
        using var hub = new CoordinatorHarness();
        hub.Coordinator.Wake("kitchen", 0.6, WakeSource.WakeWord);
        hub.Advance(1_500);
        hub.Coordinator.Wake("office", 0.5, WakeSource.WakeWord);
        hub.Advance(250);

        var late = hub.Drain();
        Assert.DoesNotContain(late, c => c is { Room: "office", Kind: HubCommandKind.Start } or { Room: "office", Led: RoomLed.Waiting });
        Assert.Contains(late, c => c is { Kind: HubCommandKind.StandDown, Room: "office" });
        Assert.DoesNotContain(hub.Coordinator.Rooms(), r => r.Waiting);

        hub.Coordinator.EndConversation("kitchen", "done", error: false);

        Assert.Null(hub.Coordinator.ActiveRoom(0));
        Assert.DoesNotContain(hub.Drain(), c => c is { Kind: HubCommandKind.Start });
    }

    [Fact]
    public void A_late_duplicate_wake_does_not_take_a_free_endpoint_either()
    {
        using var hub = new CoordinatorHarness(o => o.ConversationSlots = 2);
        hub.Coordinator.Wake("kitchen", 0.6, WakeSource.WakeWord);
        hub.Advance(1_500);
        hub.Coordinator.Wake("office", 0.5, WakeSource.WakeWord);
        hub.Advance(250);

        Assert.Equal("kitchen", hub.Coordinator.ActiveRoom(0));
        Assert.Null(hub.Coordinator.ActiveRoom(1));
    }

    [Fact]
    public void A_wake_elsewhere_after_the_duplicate_window_is_a_new_request()
    {
        using var hub = new CoordinatorHarness(o => o.ConversationSlots = 2);
        hub.Coordinator.Wake("kitchen", 0.6, WakeSource.WakeWord);
        hub.Advance(210);
        hub.Advance(3_300);
        hub.Coordinator.Wake("office", 0.5, WakeSource.WakeWord);
        hub.Advance(250);

        Assert.Equal(("kitchen", "office"), (hub.Coordinator.ActiveRoom(0), hub.Coordinator.ActiveRoom(1)));
    }

    [Fact]
    public void A_long_press_elsewhere_is_never_a_duplicate()
    {
        using var hub = new CoordinatorHarness(o => o.ConversationSlots = 2);
        hub.Coordinator.Wake("kitchen", 0.6, WakeSource.WakeWord);
        hub.Advance(500);
        hub.Coordinator.Wake("office", 1.0, WakeSource.LongPress);

        Assert.Equal(("kitchen", "office"), (hub.Coordinator.ActiveRoom(0), hub.Coordinator.ActiveRoom(1)));
    }

    [Fact]
    public void Each_local_wake_is_claimed_for_other_servers()
    {
        using var hub = new CoordinatorHarness();
        hub.Coordinator.Wake("kitchen", 0.7, WakeSource.WakeWord);

        var claim = Assert.Single(hub.Drain(), c => c.Kind == HubCommandKind.Claim);
        Assert.Equal(("kitchen", 0.7), (claim.Room, claim.Score));
    }

    [Fact]
    public void A_better_remote_claim_makes_local_rooms_stand_down()
    {
        using var hub = new CoordinatorHarness();
        hub.Coordinator.Wake("kitchen", 0.6, WakeSource.WakeWord);
        hub.Coordinator.RemoteClaim("garage", 0.8);
        hub.Advance(210);

        var decided = hub.Drain();
        Assert.DoesNotContain(decided, c => c.Kind == HubCommandKind.Start);
        Assert.Contains(decided, c => c is { Kind: HubCommandKind.StandDown, Room: "kitchen" });
        Assert.Null(hub.Coordinator.ActiveRoom(0));
    }

    [Fact]
    public void A_claim_carries_the_rooms_speech_level_and_a_louder_remote_claim_wins_by_it()
    {
        using var hub = new CoordinatorHarness();
        hub.Coordinator.Voice("kitchen", true, 0.9, levelDbfs: -70);
        hub.Coordinator.Wake("kitchen", 0.9, WakeSource.WakeWord);
        hub.Coordinator.RemoteClaim("garage", 0.3, levelDbfs: -58);
        hub.Advance(210);

        var decided = hub.Drain();
        Assert.Equal(-70, Assert.Single(decided, c => c.Kind == HubCommandKind.Claim).LevelDbfs);
        Assert.Contains(decided, c => c is { Kind: HubCommandKind.StandDown, Room: "kitchen" });
        Assert.Null(hub.Coordinator.ActiveRoom(0));
    }

    [Fact]
    public void A_quieter_remote_claim_loses_to_the_louder_local_room_whatever_its_score()
    {
        using var hub = new CoordinatorHarness();
        hub.Coordinator.Voice("kitchen", true, 0.3, levelDbfs: -58);
        hub.Coordinator.Wake("kitchen", 0.3, WakeSource.WakeWord);
        hub.Coordinator.RemoteClaim("garage", 0.9, levelDbfs: -70);
        hub.Advance(210);

        Assert.Equal("kitchen", hub.Coordinator.ActiveRoom(0));
    }

    [Fact]
    public void A_remote_claim_heard_just_before_the_local_wake_still_counts()
    {
        using var hub = new CoordinatorHarness();
        hub.Coordinator.RemoteClaim("garage", 0.8);
        hub.Advance(100);
        hub.Coordinator.Wake("kitchen", 0.6, WakeSource.WakeWord);
        hub.Advance(210);

        Assert.Null(hub.Coordinator.ActiveRoom(0));
    }

    [Fact]
    public void Equal_scores_are_decided_by_room_name_so_that_every_server_agrees()
    {
        using var hub = new CoordinatorHarness();
        hub.Coordinator.Wake("kitchen", 0.5, WakeSource.WakeWord);
        hub.Coordinator.RemoteClaim("attic", 0.5);
        hub.Advance(210);

        Assert.Null(hub.Coordinator.ActiveRoom(0));
    }

    [Fact]
    public void A_long_press_starts_at_once_without_a_claim()
    {
        using var hub = new CoordinatorHarness();
        hub.Coordinator.Wake("kitchen", 1.0, WakeSource.LongPress);

        var decided = hub.Drain();
        Assert.Contains(decided, c => c is { Kind: HubCommandKind.Start, Room: "kitchen" });
        Assert.DoesNotContain(decided, c => c.Kind == HubCommandKind.Claim);
    }

    [Fact]
    public void A_muted_room_never_wakes()
    {
        using var hub = new CoordinatorHarness();
        hub.Coordinator.SetMuted("kitchen", true);
        Assert.Contains(hub.Drain(), c => c is { Kind: HubCommandKind.Mute, Room: "kitchen", State: true });
        hub.Coordinator.Wake("kitchen", 0.9, WakeSource.WakeWord);
        hub.Advance(300);

        Assert.Empty(hub.Drain());
        Assert.Null(hub.Coordinator.ActiveRoom(0));
    }

    [Fact]
    public void A_candidate_muted_during_the_window_is_withdrawn()
    {
        using var hub = new CoordinatorHarness();
        hub.Coordinator.Wake("kitchen", 0.9, WakeSource.WakeWord);
        hub.Coordinator.Wake("hall", 0.3, WakeSource.WakeWord);
        hub.Coordinator.SetMuted("kitchen", true);
        hub.Advance(210);

        Assert.Equal("hall", hub.Coordinator.ActiveRoom(0));
    }
}
