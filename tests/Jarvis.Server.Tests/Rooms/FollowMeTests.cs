using Jarvis.Server.Rooms;

namespace Jarvis.Server.Tests.Rooms;

public sealed class FollowMeTests
{
    private static CoordinatorHarness StartedIn(string room)
    {
        var hub = new CoordinatorHarness();
        hub.Coordinator.Wake(room, 0.8, WakeSource.WakeWord);
        hub.Advance(210);
        hub.Drain();
        return hub;
    }

    [Fact]
    public void Conversation_moves_when_another_room_hears_the_speaker_clearly_better_for_long_enough()
    {
        using var hub = StartedIn("kitchen");
        hub.Coordinator.Voice("kitchen", true, 0.3);
        hub.Coordinator.Voice("hall", true, 0.8);
        hub.Advance(1_000);
        Assert.Equal("kitchen", hub.Coordinator.ActiveRoom(0));

        hub.Advance(600);

        Assert.Equal("hall", hub.Coordinator.ActiveRoom(0));
        var moved = hub.Drain();
        Assert.Equal(
            [HubCommandKind.Move, HubCommandKind.Flush, HubCommandKind.StandDown, HubCommandKind.Led, HubCommandKind.Led],
            moved.Select(c => c.Kind));
        Assert.Equal(("hall", "kitchen", 0), (moved[0].Room, moved[0].FromRoom, moved[0].Slot));
        Assert.Equal("kitchen", moved[1].Room);
    }

    [Fact]
    public void A_small_margin_does_not_move_the_conversation()
    {
        using var hub = StartedIn("kitchen");
        hub.Coordinator.Voice("kitchen", true, 0.6);
        hub.Coordinator.Voice("hall", true, 0.7);
        hub.Advance(5_000);

        Assert.Equal("kitchen", hub.Coordinator.ActiveRoom(0));
    }

    [Fact]
    public void A_brief_advantage_does_not_move_the_conversation()
    {
        using var hub = StartedIn("kitchen");
        hub.Coordinator.Voice("kitchen", true, 0.3);
        hub.Coordinator.Voice("hall", true, 0.8);
        hub.Advance(1_000);
        hub.Coordinator.Voice("hall", true, 0.35);
        hub.Advance(1_000);
        hub.Coordinator.Voice("hall", true, 0.8);
        hub.Advance(1_000);

        Assert.Equal("kitchen", hub.Coordinator.ActiveRoom(0));
    }

    [Fact]
    public void Speech_in_another_room_while_the_owner_is_silent_is_someone_else()
    {
        using var hub = StartedIn("kitchen");
        hub.Coordinator.Voice("hall", true, 0.9);
        hub.Advance(5_000);

        Assert.Equal("kitchen", hub.Coordinator.ActiveRoom(0));
    }

    [Fact]
    public void A_muted_room_is_never_followed()
    {
        using var hub = StartedIn("kitchen");
        hub.Coordinator.SetMuted("hall", true);
        hub.Coordinator.Voice("kitchen", true, 0.3);
        hub.Coordinator.Voice("hall", true, 0.9);
        hub.Advance(5_000);

        Assert.Equal("kitchen", hub.Coordinator.ActiveRoom(0));
    }

    [Fact]
    public void Waking_again_in_another_room_that_the_active_room_also_heard_moves_the_conversation()
    {
        using var hub = StartedIn("kitchen");
        hub.Coordinator.Wake("kitchen", 0.4, WakeSource.WakeWord);
        hub.Coordinator.Wake("hall", 0.9, WakeSource.WakeWord);
        hub.Advance(210);

        Assert.Equal("hall", hub.Coordinator.ActiveRoom(0));
        Assert.DoesNotContain(hub.Drain(), c => c.Kind == HubCommandKind.Start);
    }

    [Fact]
    public void After_a_move_only_one_room_owns_the_conversation()
    {
        using var hub = StartedIn("kitchen");
        hub.Coordinator.Voice("kitchen", true, 0.3);
        hub.Coordinator.Voice("hall", true, 0.8);
        hub.Advance(2_000);

        var owners = hub.Coordinator.Rooms().Where(r => r.Slot is not null).Select(r => r.Room);
        Assert.Equal(["hall"], owners);
    }
}
