namespace Jarvis.Server.PersonaPlex.Pool;

/// <summary>
/// One conversation's worth of PersonaPlex capacity, supervised on its own: a Moshi endpoint is one slot, a Realtime
/// endpoint one slot per session it admits. The manager hands free slots to rooms.
/// </summary>
internal interface ISessionSlot
{
    /// <summary>Identifies the slot: the endpoint's URL (a Realtime slot adds <c>?session=N</c>).</summary>
    Uri Endpoint { get; }

    PersonaPlexState State { get; }

    /// <summary>A session is ready for a room's audio now.</summary>
    bool IsReady { get; }

    /// <summary>A room holds the slot.</summary>
    bool IsLeased { get; }

    /// <summary>
    /// Gives the slot to <paramref name="roomId"/> (its model output to <paramref name="output"/> when given); the channel calls
    /// <paramref name="release"/> once when disposed.
    /// </summary>
    IConversationChannel Attach(string roomId, IModelOutput? output, Action<IConversationChannel> release);

    /// <summary>Takes the slot back from the conversation <paramref name="lease"/> (no effect if it no longer holds it).</summary>
    void Detach(IConversationChannel lease);

    PersonaPlexEndpointStatus GetStatus();

    /// <summary>The supervising loop; returns when <paramref name="cancellationToken"/> is cancelled.</summary>
    Task RunAsync(CancellationToken cancellationToken);
}
