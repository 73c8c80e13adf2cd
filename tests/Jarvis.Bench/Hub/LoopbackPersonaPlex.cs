using Jarvis.Server.PersonaPlex;

namespace Jarvis.Bench.Hub;

/// <summary>One always-ready PersonaPlex endpoint made of <see cref="LoopbackChannel"/>s.</summary>
internal sealed class LoopbackPersonaPlex(LatencySamples uplink, LatencySamples downlink) : IPersonaPlexSessions
{
    private static readonly Uri Endpoint = new("ws://loopback/api/chat");
    private volatile LoopbackChannel? _current;

    public ValueTask<IConversationChannel> AcquireAsync(string roomId, IModelOutput? output, CancellationToken cancellationToken)
    {
        var channel = new LoopbackChannel(roomId, Endpoint, output, uplink, downlink);
        _current = channel;
        return ValueTask.FromResult<IConversationChannel>(channel);
    }

    public ValueTask SetPersonaAsync(string textPrompt, string voice, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public IReadOnlyList<PersonaPlexEndpointStatus> GetStatus() =>
    [
        new(Endpoint, _current is null ? PersonaPlexState.Warm : PersonaPlexState.InConversation, _current?.RoomId, 0, 0, 0, 1, 0, 0, 0, 0, null, 0),
    ];
}
