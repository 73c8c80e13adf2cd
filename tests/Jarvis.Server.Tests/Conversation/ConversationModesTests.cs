using Jarvis.Server.Conversation;
using Jarvis.Server.PersonaPlex;
using Jarvis.Server.Pipeline;
using Jarvis.Server.Tests.Emulators;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jarvis.Server.Tests.Conversation;

public sealed class ConversationModesTests
{
    [Theory]
    [InlineData(PersonaPlexState.Warm, null, false)]
    [InlineData(PersonaPlexState.InConversation, null, false)]
    [InlineData(PersonaPlexState.Idle, null, false)]
    [InlineData(PersonaPlexState.Connecting, null, false)]
    [InlineData(PersonaPlexState.Connecting, "connection refused", true)]
    [InlineData(PersonaPlexState.Backoff, "connection refused", true)]
    [InlineData(PersonaPlexState.Busy, "no handshake", true)]
    [InlineData(PersonaPlexState.Stopped, null, true)]
    public void Duplex_conversations_fall_back_to_the_pipeline_only_while_PersonaPlex_is_unusable(PersonaPlexState state, string? error, bool pipeline)
    {
        var modes = Modes(TurnMode.Duplex, new FixedSessions(state, error));

        Assert.Equal(pipeline ? TurnMode.Pipeline : TurnMode.Duplex, modes.Begin(0, "kitchen"));
        Assert.Equal(pipeline, modes.IsPipeline(0));
    }

    [Fact]
    public void Configured_pipeline_mode_holds_even_with_PersonaPlex_warm_and_follows_the_conversation_when_it_moves()
    {
        var modes = Modes(TurnMode.Pipeline, new FixedSessions(PersonaPlexState.Warm, null));

        modes.Begin(0, "kitchen");
        modes.Move(0, "hall");

        Assert.True(modes.IsPipeline(0));
        Assert.Equal("pipeline", modes.Snapshot()["hall"]);
        modes.End(0);
        Assert.False(modes.IsPipeline(0));
        Assert.Empty(modes.Snapshot());
    }

    private static ConversationModes Modes(TurnMode configured, IPersonaPlexSessions sessions) =>
        new(sessions, new TurnModeSelector(new FixedOptionsMonitor<ConversationModeOptions>(new ConversationModeOptions { Mode = configured }), NullLogger<TurnModeSelector>.Instance));

    private sealed class FixedSessions(PersonaPlexState state, string? error) : IPersonaPlexSessions
    {
        public ValueTask<IConversationChannel> AcquireAsync(string roomId, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("not used");

        public ValueTask SetPersonaAsync(string textPrompt, string voice, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public IReadOnlyList<PersonaPlexEndpointStatus> GetStatus() =>
            [new PersonaPlexEndpointStatus(new Uri("ws://127.0.0.1:1/api/chat"), state, null, 0, 0, 0, 0, 0, 0, 0, 0, error, null)];
    }
}
