using Jarvis.Server.Rooms;

namespace Jarvis.Server.Tests.Rooms;

/// <summary>The speech level decides the room: arbitration and follow-me compare levels in dB.</summary>
public sealed class LevelArbitrationTests
{
    public static TheoryData<string, string, double, double> Orders() => new()
    {
        // first to arrive, second to arrive, first's level, second's level
        { "kitchen", "living", -30, -20 },
        { "kitchen", "living", -20, -30 },
        { "living", "kitchen", -30, -20 },
        { "living", "kitchen", -20, -30 },
        { "a-room", "z-room", -36, -30 },
        { "z-room", "a-room", -30, -36 },
        { "z-room", "a-room", -36, -30 },
        { "a-room", "z-room", -30, -36 },
    };

    [Theory]
    [MemberData(nameof(Orders))]
    public void The_room_louder_by_6_dB_wins_whatever_the_arrival_order_and_the_names(string first, string second, double firstLevel, double secondLevel)
    {
        using var hub = new CoordinatorHarness();

        Hear(hub, first, firstLevel, score: 0.9);
        hub.Advance(60);
        Hear(hub, second, secondLevel, score: 0.4);
        hub.Advance(200);

        var louder = firstLevel > secondLevel ? first : second;
        var quieter = louder == first ? second : first;
        Assert.Equal(louder, hub.Coordinator.ActiveRoom(0));
        Assert.Contains(hub.Drain(), c => c.Kind == HubCommandKind.StandDown && c.Room == quieter);
    }

    [Fact]
    public void The_loudest_of_three_rooms_wins_when_it_arrives_last_and_sorts_last()
    {
        using var hub = new CoordinatorHarness();

        Hear(hub, "bedroom", -40, score: 1.0);
        hub.Advance(50);
        Hear(hub, "hall", -31, score: 1.0);
        hub.Advance(50);
        Hear(hub, "zen-den", -25, score: 0.4);
        hub.Advance(200);

        Assert.Equal("zen-den", hub.Coordinator.ActiveRoom(0));
    }

    [Fact]
    public void Equal_levels_go_to_the_higher_score_then_to_the_name_that_sorts_first()
    {
        using var scored = new CoordinatorHarness();
        Hear(scored, "kitchen", -25, score: 0.5);
        Hear(scored, "hall", -25, score: 0.8);
        scored.Advance(210);
        Assert.Equal("hall", scored.Coordinator.ActiveRoom(0));

        using var tied = new CoordinatorHarness();
        Hear(tied, "kitchen", -25, score: 0.5);
        Hear(tied, "hall", -25, score: 0.5);
        tied.Advance(210);
        Assert.Equal("hall", tied.Coordinator.ActiveRoom(0));
    }

    [Fact]
    public void A_room_without_a_level_makes_the_round_fall_back_to_the_VAD_score()
    {
        using var hub = new CoordinatorHarness();

        Hear(hub, "kitchen", -10, score: 0.4);
        hub.Coordinator.Voice("hall", true, 0.7);
        hub.Coordinator.Wake("hall", 0.7, WakeSource.Voice);
        hub.Advance(210);

        Assert.Equal("hall", hub.Coordinator.ActiveRoom(0));
    }

    [Fact]
    public void Follow_me_moves_the_conversation_when_the_speaker_is_12_dB_louder_elsewhere_for_the_sustain_time()
    {
        using var hub = StartedIn("kitchen", -40);
        hub.Coordinator.Voice("living", true, 0.4, -28);
        hub.Advance(1_000);
        Assert.Equal("kitchen", hub.Coordinator.ActiveRoom(0));

        hub.Advance(600);

        Assert.Equal("living", hub.Coordinator.ActiveRoom(0));
    }

    [Fact]
    public void Follow_me_does_not_move_on_a_3_dB_difference_even_with_a_much_better_VAD_score()
    {
        using var hub = StartedIn("kitchen", -30);
        hub.Coordinator.Level("kitchen", -30);
        hub.Coordinator.Voice("living", true, 1.0, -27);
        for (var i = 0; i < 32; i++)
        {
            hub.Advance(250);
            hub.Coordinator.Level("kitchen", -30);
            hub.Coordinator.Level("living", -27);
        }

        Assert.Equal("kitchen", hub.Coordinator.ActiveRoom(0));
    }

    [Fact]
    public void Level_updates_while_speaking_start_and_break_the_follow_me_challenge()
    {
        using var hub = StartedIn("kitchen", -30);
        hub.Coordinator.Voice("living", true, 0.4, -33);
        hub.Advance(1_000);
        hub.Coordinator.Level("living", -20);
        hub.Advance(1_000);
        hub.Coordinator.Level("living", -29);
        hub.Advance(1_000);
        Assert.Equal("kitchen", hub.Coordinator.ActiveRoom(0));

        hub.Coordinator.Level("living", -22);
        hub.Advance(1_600);

        Assert.Equal("living", hub.Coordinator.ActiveRoom(0));
    }

    [Fact]
    public void The_follow_me_margin_in_dB_is_an_option()
    {
        using var hub = new CoordinatorHarness(o => o.FollowMeMarginDb = 3);
        Hear(hub, "kitchen", -30, 0.5);
        hub.Advance(210);
        hub.Coordinator.Voice("living", true, 0.5, -26.5);
        hub.Advance(1_600);

        Assert.Equal("living", hub.Coordinator.ActiveRoom(0));
    }

    private static CoordinatorHarness StartedIn(string room, double level)
    {
        var hub = new CoordinatorHarness();
        Hear(hub, room, level, 0.4);
        hub.Advance(210);
        hub.Drain();
        Assert.Equal(room, hub.Coordinator.ActiveRoom(0));
        return hub;
    }

    /// <summary>What the satellite connection does for a voice start with a level in VAD wake mode.</summary>
    private static void Hear(CoordinatorHarness hub, string room, double level, double score)
    {
        hub.Coordinator.Voice(room, true, score, level);
        hub.Coordinator.Wake(room, score, WakeSource.Voice);
    }
}
