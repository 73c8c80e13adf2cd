namespace Jarvis.Server.PersonaPlex;

/// <summary>The house's PersonaPlex sessions: one conversation per endpoint (GPU) at a time.</summary>
public interface IPersonaPlexSessions
{
    /// <summary>
    /// Takes a free endpoint for <paramref name="roomId"/> (a warm one if possible), waiting while every endpoint is
    /// in use. Dispose the channel to end the conversation and free the endpoint.
    /// </summary>
    ValueTask<IConversationChannel> AcquireAsync(string roomId, CancellationToken cancellationToken) => AcquireAsync(roomId, null, cancellationToken);

    /// <summary>
    /// As <see cref="AcquireAsync(string, CancellationToken)"/>; with an <paramref name="output"/>, PersonaPlex's audio and words
    /// go straight to it as they arrive (the channel's <see cref="IConversationChannel.Audio"/> and
    /// <see cref="IConversationChannel.Text"/> then stay empty).
    /// </summary>
    ValueTask<IConversationChannel> AcquireAsync(string roomId, IModelOutput? output, CancellationToken cancellationToken);

    /// <summary>Persona for sessions opened from now on (a running session keeps its prompt).</summary>
    ValueTask SetPersonaAsync(string textPrompt, string voice, CancellationToken cancellationToken);

    /// <summary>State and counters of every endpoint, for /health and /metrics.</summary>
    IReadOnlyList<PersonaPlexEndpointStatus> GetStatus();
}
