using Jarvis.Protocol.Link.Messages;
using Jarvis.Server.Rooms;
using Jarvis.Server.Tests.Hub;
using TestPackets = Jarvis.Server.Tests.PersonaPlex.Support.TestPackets;

namespace Jarvis.Server.Tests.Duplex;

public sealed class DuplexPathTests
{
    private static readonly Dictionary<string, string?> QuickFollowMe = new()
    {
        ["Rooms:FollowMeSustain"] = "00:00:00.300",
    };

    [Fact]
    public async Task The_active_rooms_packets_reach_PersonaPlex_unchanged_and_its_answer_reaches_the_room()
    {
        await using var hub = await DuplexFixture.StartAsync();
        var kitchen = await hub.SatelliteAsync("kitchen");
        await kitchen.LongPressAsync();
        await DuplexFixture.ActiveAsync(kitchen);

        // Room audio is dropped while the session is in its prompt phase (never sent in a burst later): wait until it is ready.
        await Eventually.TrueAsync(() => hub.Emulator.Sessions.Count > 0 && hub.Emulator.Sessions[^1].Phase == Jarvis.PersonaPlex.Emulator.SessionPhase.Streaming, "a ready session");
        var packets = TestPackets.Tone(10);
        using (var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(20))) // a microphone's pace: the session's clock trims bursts
        {
            foreach (var packet in packets)
            {
                await pace.WaitForNextTickAsync();
                await kitchen.SendAudioAsync(packet);
            }
        }

        await Eventually.TrueAsync(() => ContainsInOrder(hub.Emulator.Sessions[^1].DecodedPackets.ToArray(), packets), "PersonaPlex decodes exactly the kitchen's packets");
        await Eventually.TrueAsync(() => kitchen.AudioReceived >= 3, "the kitchen hears PersonaPlex");
    }

    [Fact]
    public async Task The_loudest_of_three_rooms_hearing_the_wake_wins_even_when_it_arrives_last()
    {
        await using var hub = await DuplexFixture.StartAsync(new Dictionary<string, string?> { ["Rooms:ArbitrationWindow"] = "00:00:00.500" });
        var kitchen = await hub.SatelliteAsync("kitchen");
        var hall = await hub.SatelliteAsync("hall");
        var office = await hub.SatelliteAsync("office");

        await kitchen.VoiceAsync(true, 0.9, levelDbfs: -40);
        await hall.VoiceAsync(true, 0.9, levelDbfs: -30);
        await office.VoiceAsync(true, 0.9, levelDbfs: -12);

        await DuplexFixture.ActiveAsync(office);
        await Eventually.TrueAsync(() => office.AudioReceived >= 3, "the office hears PersonaPlex");
        Assert.All([kitchen, hall], room => Assert.DoesNotContain(room.Messages, m => m is ConversationMessage { Active: true }));
        Assert.All([kitchen, hall], room => Assert.Equal(LedState.Idle, room.Last<LedMessage>()?.State));
        Assert.Equal(0, kitchen.AudioReceived + hall.AudioReceived);
    }

    [Fact]
    public async Task Follow_me_moves_the_conversation_and_the_old_room_receives_nothing_more()
    {
        await using var hub = await DuplexFixture.StartAsync(QuickFollowMe);
        var kitchen = await hub.SatelliteAsync("kitchen");
        var hall = await hub.SatelliteAsync("hall");
        await kitchen.LongPressAsync();
        await DuplexFixture.ActiveAsync(kitchen);
        await Eventually.TrueAsync(() => kitchen.AudioReceived >= 2, "the kitchen hears PersonaPlex");
        var sessions = hub.Emulator.Sessions.Count;

        await kitchen.VoiceAsync(true, 0.9, levelDbfs: -45);
        await hall.VoiceAsync(true, 0.9, levelDbfs: -15);

        await DuplexFixture.ActiveAsync(hall);
        await Eventually.TrueAsync(() => kitchen.Last<FlushMessage>()?.Reason == FlushReason.Handoff, "the kitchen is flushed");
        var kitchenHeard = kitchen.AudioReceived;
        var hallHeard = hall.AudioReceived;
        await Eventually.TrueAsync(() => hall.AudioReceived >= hallHeard + 5, "the hall hears PersonaPlex");
        Assert.Equal(kitchenHeard, kitchen.AudioReceived);
        Assert.False(kitchen.Last<ConversationMessage>()!.Active);
        Assert.Equal(sessions, hub.Emulator.Sessions.Count);
    }

    [Fact]
    public async Task A_conversation_keeps_its_mode_when_it_moves_and_is_gone_when_it_ends()
    {
        await using var hub = await DuplexFixture.StartAsync(QuickFollowMe);
        var live = hub.Server.Get<Jarvis.Server.Conversation.LiveConversations>();
        var kitchen = await hub.SatelliteAsync("kitchen");
        var hall = await hub.SatelliteAsync("hall");
        await kitchen.LongPressAsync();
        await DuplexFixture.ActiveAsync(kitchen);
        Assert.Equal(new Dictionary<string, string> { ["kitchen"] = "duplex" }, live.Modes());

        await kitchen.VoiceAsync(true, 0.9, levelDbfs: -45);
        await hall.VoiceAsync(true, 0.9, levelDbfs: -15);

        await DuplexFixture.ActiveAsync(hall);
        Assert.Equal(new Dictionary<string, string> { ["hall"] = "duplex" }, live.Modes());
        Assert.Null(live.ModeIn("kitchen"));
        await hall.MuteAsync(true);
        await Eventually.TrueAsync(() => live.Modes().Count == 0, "no conversation is left once it ends");
    }

    [Fact]
    public async Task Mute_from_the_button_and_from_mqtt_both_silence_the_active_room()
    {
        await using var hub = await DuplexFixture.StartAsync();
        var kitchen = await hub.SatelliteAsync("kitchen");
        await kitchen.LongPressAsync();
        await DuplexFixture.ActiveAsync(kitchen);

        await kitchen.MuteAsync(true);
        await Eventually.TrueAsync(() => kitchen.Last<ConversationMessage>()?.Active == false, "the button mute ends the conversation");
        await kitchen.MuteAsync(false);

        await kitchen.LongPressAsync();
        await Eventually.TrueAsync(() => kitchen.Messages.OfType<ConversationMessage>().Count(m => m.Active) == 2, "a new conversation");
        await using var probe = await hub.Server.HomeAssistantProbeAsync();
        await probe.PublishAsync("jarvis/satellite/kitchen-pi/mute/set", "ON");

        await Eventually.TrueAsync(() => kitchen.Last<MuteMessage>()?.Muted == true, "the satellite is muted from MQTT");
        await Eventually.TrueAsync(() => kitchen.Last<ConversationMessage>()?.Active == false, "the MQTT mute ends the conversation");
        Assert.Null(hub.Server.Get<ConversationCoordinator>().ActiveRoom(0));
    }

    [Fact]
    public async Task A_PersonaPlex_restart_mid_conversation_gives_the_error_led_and_earcon_and_the_next_conversation_works()
    {
        await using var hub = await DuplexFixture.StartAsync();
        var kitchen = await hub.SatelliteAsync("kitchen");
        await kitchen.LongPressAsync();
        await DuplexFixture.ActiveAsync(kitchen);
        var port = hub.Emulator.Port;

        await hub.Emulator.StopAsync();
        await Eventually.TrueAsync(() => kitchen.Last<LedMessage>()?.State == LedState.Error, "the error LED");
        var flushed = kitchen.Messages.OfType<FlushMessage>().Count();
        Assert.True(flushed >= 1);
        await Eventually.TrueAsync(() => kitchen.AudioReceived >= 16, "the error earcon plays");
        Assert.False(kitchen.Last<ConversationMessage>()!.Active);

        await hub.Emulator.StartAsync(port);
        await Eventually.TrueAsync(() => hub.Server.Get<Jarvis.Server.PersonaPlex.IPersonaPlexSessions>().GetStatus()[0].State == Jarvis.Server.PersonaPlex.PersonaPlexState.Warm, "PersonaPlex is back");
        await kitchen.LongPressAsync();
        await Eventually.TrueAsync(() => kitchen.Messages.OfType<ConversationMessage>().Count(m => m.Active) == 2, "the next conversation starts");
        var heard = kitchen.AudioReceived;
        await Eventually.TrueAsync(() => kitchen.AudioReceived >= heard + 3, "and PersonaPlex is heard again");
    }

    [Fact]
    public async Task Cutting_the_model_audio_flushes_the_room_and_the_pipeline_can_speak_through_the_satellite()
    {
        await using var hub = await DuplexFixture.StartAsync();
        var kitchen = await hub.SatelliteAsync("kitchen");
        await kitchen.LongPressAsync();
        await DuplexFixture.ActiveAsync(kitchen);
        await Eventually.TrueAsync(() => kitchen.AudioReceived >= 2, "the kitchen hears PersonaPlex");

        Assert.True(hub.Server.Get<Jarvis.Server.Conversation.LiveConversations>().CutModelAudio("kitchen", cut: true));
        await Eventually.TrueAsync(() => kitchen.Last<FlushMessage>()?.Reason == FlushReason.Cut, "the kitchen is flushed");
        var sink = hub.Server.Get<Jarvis.Server.Satellites.SatelliteRoomAudio>().For("kitchen");
        var heard = kitchen.AudioReceived;
        var answer = TestPackets.Tone(5, sampleRate: 24000);
        foreach (var packet in answer)
        {
            await sink.SendOpusAsync(packet, 480, CancellationToken.None);
        }

        await Eventually.TrueAsync(() => kitchen.AudioReceived >= heard + answer.Count, "the answer reaches the kitchen");
        Assert.Equal(answer, kitchen.Audio.Skip(heard).Take(answer.Count));

        hub.Server.Get<Jarvis.Server.Conversation.LiveConversations>().CutModelAudio("kitchen", cut: false);
        await Eventually.TrueAsync(() => kitchen.AudioReceived >= heard + answer.Count + 3, "PersonaPlex is heard again");
    }

    /// <summary>The packets appear in order and byte for byte (the session manager may feed silence between them).</summary>
    private static bool ContainsInOrder(byte[][] decoded, IReadOnlyList<byte[]> packets)
    {
        var next = 0;
        foreach (var packet in decoded)
        {
            if (next < packets.Count && packet.AsSpan().SequenceEqual(packets[next]))
            {
                next++;
            }
        }

        return next == packets.Count;
    }
}
