using Jarvis.Server.PersonaPlex.Sessions;

namespace Jarvis.Server.PersonaPlex.Pool;

/// <summary>A Moshi endpoint (NVIDIA's <c>/api/chat</c> server): its one session, supervised by <see cref="EndpointSession"/>.</summary>
internal sealed class MoshiSlot : ISessionSlot
{
    private readonly EndpointSession _session;

    public MoshiSlot(EndpointSession session)
    {
        _session = session;
    }

    public Uri Endpoint => _session.Endpoint;

    public PersonaPlexState State => _session.State;

    public bool IsReady => _session.IsReady;

    public bool IsLeased => _session.Lease is not null;

    public IConversationChannel Attach(string roomId, IModelOutput? output, Action<IConversationChannel> release)
    {
        var lease = new ConversationLease(roomId, _session, output, release);
        _session.Attach(lease);
        return lease;
    }

    public void Detach(IConversationChannel lease) => _session.Detach((ConversationLease)lease);

    public PersonaPlexEndpointStatus GetStatus() => _session.GetStatus();

    public Task RunAsync(CancellationToken cancellationToken) => _session.RunAsync(cancellationToken);
}
