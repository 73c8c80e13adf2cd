using Jarvis.Protocol.Link.Messages;
using Jarvis.Server.Tests.Hub;

namespace Jarvis.Server.Tests.Duplex;

/// <summary>Through the server with simulated satellites: the speech level decides the room and where the conversation goes.</summary>
public sealed class LevelRoomTests
{
    [Theory]
    [InlineData("hall", "kitchen")]
    [InlineData("kitchen", "hall")]
    [InlineData("office", "hall")]
    public async Task The_louder_room_wins_though_it_is_heard_later(string first, string louderLater)
    {
        await using var hub = await DuplexFixture.StartAsync(new Dictionary<string, string?> { ["Rooms:ArbitrationWindow"] = "00:00:01" });
        var early = await hub.SatelliteAsync(first);
        var late = await hub.SatelliteAsync(louderLater);

        // Far below -60 dBFS both would have the same score: only the levels tell them apart.
        await early.VoiceAsync(true, 0.9, levelDbfs: -74);
        await late.VoiceAsync(true, 0.4, levelDbfs: -64);

        await DuplexFixture.ActiveAsync(late);
        await Eventually.TrueAsync(() => early.Last<LedMessage>()?.State == LedState.Idle, $"{first} stands down");
        Assert.DoesNotContain(early.Messages, m => m is ConversationMessage { Active: true });
    }

    [Fact]
    public async Task Follow_me_goes_to_the_room_12_dB_louder_and_not_to_the_one_3_dB_louder()
    {
        // Wake-word mode: speech alone opens no arbitration round, so only follow-me can move the conversation.
        await using var hub = await DuplexFixture.StartAsync(new Dictionary<string, string?>
        {
            ["Rooms:FollowMeSustain"] = "00:00:00.500",
            ["Rooms:WakeMode"] = "WakeWord",
        });
        var kitchen = await hub.SatelliteAsync("kitchen");
        var office = await hub.SatelliteAsync("office");
        var hall = await hub.SatelliteAsync("hall");
        await kitchen.LongPressAsync();
        await DuplexFixture.ActiveAsync(kitchen);

        await kitchen.VoiceAsync(true, 0.9, levelDbfs: -30);
        await office.VoiceAsync(true, 0.9, levelDbfs: -27);
        await office.SendAsync(new VoiceLevelMessage(-27, Environment.TickCount64 * 1000));

        // Two server pings (1 s apart) later the office has been 3 dB louder for twice the sustain time: no move.
        var pings = office.Messages.OfType<PingMessage>().Count();
        await Eventually.TrueAsync(() => office.Messages.OfType<PingMessage>().Count() >= pings + 2, "two pings reach the office");
        Assert.DoesNotContain(office.Messages, m => m is ConversationMessage { Active: true });
        Assert.True(kitchen.Last<ConversationMessage>()?.Active, "the conversation stays in the kitchen");

        await hall.VoiceAsync(true, 0.4, levelDbfs: -45);
        await hall.SendAsync(new VoiceLevelMessage(-18, Environment.TickCount64 * 1000));

        await DuplexFixture.ActiveAsync(hall);
        await Eventually.TrueAsync(() => kitchen.Last<FlushMessage>()?.Reason == FlushReason.Handoff, "the kitchen is flushed");
        Assert.DoesNotContain(office.Messages, m => m is ConversationMessage { Active: true });
    }
}
