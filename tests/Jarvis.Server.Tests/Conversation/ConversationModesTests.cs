using Jarvis.Server.Answering;
using Jarvis.Server.Conversation;

namespace Jarvis.Server.Tests.Conversation;

public sealed class ConversationModesTests
{
    [Fact]
    public void A_conversations_mode_follows_it_when_it_moves_and_is_gone_when_it_ends()
    {
        var modes = new ConversationModes();

        modes.Begin(0, "kitchen", TurnMode.Pipeline);
        modes.Begin(1, "office", TurnMode.Duplex);
        modes.Move(0, "hall");

        Assert.True(modes.IsPipeline(0));
        Assert.False(modes.IsPipeline(1));
        Assert.Equal(new Dictionary<string, string> { ["hall"] = "pipeline", ["office"] = "duplex" }, modes.Snapshot());
        modes.End(0);
        Assert.False(modes.IsPipeline(0));
        Assert.Equal(["office"], modes.Snapshot().Keys);
    }
}
